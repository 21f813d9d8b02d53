/**
 * Icon outlines drawn for Mixture Lab on a 24×24 grid, stroked at 1.75 with round caps and joins
 * (AppIcon.vue renders them). Each entry is one or more SVG path `d` strings.
 */
/** A small filled-looking dot (a stroked circle of radius 1) centred at (x, y). */
function dot(x: number, y: number): string {
  return `M${x - 1} ${y}a1 1 0 1 0 2 0 1 1 0 1 0-2 0z`;
}

export const iconPaths = {
  open: [
    'M3 7.5A1.5 1.5 0 0 1 4.5 6H9l2 2h8.5A1.5 1.5 0 0 1 21 9.5v8a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z',
  ],
  file: ['M6 3h8l4 4v14H6z', 'M14 3v4h4'],
  upload: ['M12 15V4', 'M7.5 8.5 12 4l4.5 4.5', 'M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4'],
  sun: [
    'M12 8a4 4 0 1 0 0 8 4 4 0 1 0 0-8z',
    'M12 2.5v2',
    'M12 19.5v2',
    'M4.6 4.6 6 6',
    'M18 18l1.4 1.4',
    'M2.5 12h2',
    'M19.5 12h2',
    'M4.6 19.4 6 18',
    'M18 6l1.4-1.4',
  ],
  moon: ['M20 14.6A8 8 0 0 1 9.4 4 8 8 0 1 0 20 14.6z'],
  monitor: ['M3.5 4.5h17v11h-17z', 'M8.5 20h7', 'M12 15.5V20'],
  globe: [
    'M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18z',
    'M3.5 9h17',
    'M3.5 15h17',
    'M12 3c-2.8 3-2.8 15 0 18',
    'M12 3c2.8 3 2.8 15 0 18',
  ],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  alert: ['M12 3.5 21.5 20h-19z', 'M12 10v4.5', 'M12 17.2v.1'],
  info: ['M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18z', 'M12 11v5.5', 'M12 7.8v.1'],
  chevronDown: ['M6 9l6 6 6-6'],
  chevronRight: ['M9 6l6 6-6 6'],
  scatter: [
    'M3.5 3.5v17h17',
    dot(8, 15.5),
    dot(10.5, 11),
    dot(14, 13.5),
    dot(16, 7.5),
    dot(18.5, 10),
    dot(12, 17),
  ],
  histogram: [
    'M3.5 20.5h17',
    'M5.5 20.5v-5h3v5',
    'M8.5 20.5V8h3v12.5',
    'M11.5 20.5V5h3v15.5',
    'M14.5 20.5v-9h3v9',
  ],
  trace: ['M3.5 3.5v17h17', 'M6 17c2-6 4-9 7-10.5S18 5 20 5'],
  certainty: ['M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18z', 'M8 12.2l2.8 2.8L16.5 9'],
  selection: ['M3.5 3.5v17h17', 'M6.5 16l3.5-6 3.5 3 5-7', dot(10, 10), dot(13.5, 13), dot(18.5, 6)],
  profiles: ['M4.5 20V9h4v11', 'M4.5 13.5h4', 'M10 20V4h4v16', 'M10 11h4', 'M15.5 20v-8h4v8', 'M15.5 16h4'],
  table: ['M3.5 5h17v14h-17z', 'M3.5 10h17', 'M3.5 14.5h17', 'M9.5 5v14'],
  pairs: [
    'M3.5 3.5h17v17h-17z',
    'M12 3.5v17',
    'M3.5 12h17',
    dot(6.5, 9),
    dot(9, 6.5),
    dot(15, 17.5),
    dot(17.5, 15),
  ],
  parameters: ['M18 5H6.5l6 7-6 7H18'],
  compare: ['M4 8h12', 'M13 5l3 3-3 3', 'M20 16H8', 'M11 13l-3 3 3 3'],
  data: [
    'M4 6.5C4 4.8 7.6 3.5 12 3.5s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z',
    'M4 6.5v11c0 1.7 3.6 3 8 3s8-1.3 8-3v-11',
    'M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  ],
  sliders: [
    'M4 6h9',
    'M17 6h3',
    'M15 4v4',
    'M4 12h3',
    'M11 12h9',
    'M9 10v4',
    'M4 18h11',
    'M19 18h1',
    'M17 16v4',
  ],
  play: ['M7.5 5v14l11-7z'],
  pause: ['M8 5v14', 'M16 5v14'],
  chevronLeft: ['M15 6l-6 6 6 6'],
  refresh: ['M19.5 12a7.5 7.5 0 1 1-2.2-5.3', 'M19.5 4.5v4h-4'],
  flower: [
    'M12 12c-2.2-2-2.2-6 0-8.5 2.2 2.5 2.2 6.5 0 8.5z',
    'M12 12c2-2.2 6-2.2 8.5 0-2.5 2.2-6.5 2.2-8.5 0z',
    'M12 12c2.2 2 2.2 6 0 8.5-2.2-2.5-2.2-6.5 0-8.5z',
    'M12 12c-2 2.2-6 2.2-8.5 0 2.5-2.2 6.5-2.2 8.5 0z',
  ],
  geyser: ['M12 3.5c3 3.6 5 6.6 5 9.5a5 5 0 0 1-10 0c0-2.9 2-5.9 5-9.5z', 'M3.5 20.5h17'],
  cart: ['M3 4h2.5l2.3 11h10.4l2-7.5H6.4', dot(9, 19.5), dot(17, 19.5)],
  // Two overlapping bell curves over a baseline: a mixture of two components.
  logo: ['M2 19c2.6 0 3.6-12 6.5-12S12.4 19 15 19', 'M8.5 19c2.6 0 4-8 7-8s4.4 8 6.5 8', 'M2 19h20'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof iconPaths;
