/**
 * Chart colours per UI theme (the values of renderer/src/styles/theme.css, so charts match the
 * panels around them). Option builders take a ChartTheme and set every colour they use from it,
 * so a built option looks the same in the app, in a PNG and in an SVG export.
 */
export type ChartThemeName = 'light' | 'dark';

export interface ChartTheme {
  name: ChartThemeName;
  background: string;
  text: string;
  subtleText: string;
  axisLine: string;
  splitLine: string;
  tooltipBackground: string;
  tooltipBorder: string;
  /** Emphasis colour (kept restart, best cell, threshold). */
  accent: string;
  /** Secondary lines that should recede (other restarts, histogram bars). */
  muted: string;
  /** Outline of centroid markers: contrasts with any cluster colour on this background. */
  markerOutline: string;
  danger: string;
}

export const CHART_THEMES: Record<ChartThemeName, ChartTheme> = {
  light: {
    name: 'light',
    background: '#ffffff',
    text: '#1b1f24',
    subtleText: '#545d69',
    axisLine: '#cfd4db',
    splitLine: '#eceef2',
    tooltipBackground: '#ffffff',
    tooltipBorder: '#cfd4db',
    accent: '#3d5afe',
    muted: '#8a929d',
    markerOutline: '#1b1f24',
    danger: '#c62828',
  },
  dark: {
    name: 'dark',
    background: '#171a1f',
    text: '#e7e9ec',
    subtleText: '#a3abb6',
    axisLine: '#3a404a',
    splitLine: '#242932',
    tooltipBackground: '#1e2228',
    tooltipBorder: '#3a404a',
    accent: '#7b91ff',
    muted: '#6e7681',
    markerOutline: '#ffffff',
    danger: '#ff7b72',
  },
};

export function chartTheme(name: ChartThemeName): ChartTheme {
  return CHART_THEMES[name];
}
