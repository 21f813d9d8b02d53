/**
 * What an ECharts instance actually painted, for automated UI tests (lib/chartHook.ts): every text
 * on the canvas with its box, every data marker with its series, and the plot's rectangle. The
 * option says what was asked for; only the painted scene shows which tick labels ECharts kept and
 * whether a marker covers a label. It reads ECharts' and zrender's scene graph (documented on the
 * instance but typed as internal), so it is used under automation only and never in the app.
 */
import type { ECharts } from 'echarts/core';

export interface DrawnBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DrawnText extends DrawnBox {
  text: string;
  /** Text drawn on a marker (the best cell's pin says "Best"), not free-standing. */
  onMarker: boolean;
}
export interface DrawnMarker extends DrawnBox {
  series: string;
}
export interface DrawnLayout {
  width: number;
  height: number;
  grid: DrawnBox | null;
  texts: DrawnText[];
  markers: DrawnMarker[];
}

/** The slice of zrender's element API read here. */
interface SceneElement {
  type: string;
  invisible?: boolean;
  ignore?: boolean;
  style?: { text?: string; opacity?: number };
  transform?: number[] | null;
  __hostTarget?: SceneElement;
  getBoundingRect(): { clone(): Rect };
  traverse(cb: (el: SceneElement) => void): void;
}
interface Rect extends DrawnBox {
  applyTransform(m: number[]): void;
}
interface SceneInstance {
  getZr(): { storage: { getDisplayList(update: boolean): SceneElement[] } };
  getModel(): {
    eachSeries(cb: (s: { name: string }) => void): void;
    findComponents(q: { mainType: string }): unknown[];
    getComponent(type: string): { coordinateSystem?: { getRect(): DrawnBox } } | undefined;
  };
  getViewOfSeriesModel(s: unknown): { group: SceneElement } | undefined;
  getViewOfComponentModel(c: unknown): { group: SceneElement } | undefined;
}

function box(el: SceneElement): DrawnBox {
  const r = el.getBoundingRect().clone();
  if (el.transform) r.applyTransform(el.transform);
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

const shown = (el: SceneElement) => !el.invisible && !el.ignore && (el.style?.opacity ?? 1) > 0;

export function drawnLayout(instance: ECharts): DrawnLayout {
  const chart = instance as unknown as SceneInstance;
  const scene = chart.getZr().storage.getDisplayList(true);
  const markerEls = new Set<SceneElement>();
  const markers: DrawnMarker[] = [];
  const collect = (group: SceneElement | undefined, series: string) =>
    group?.traverse((el) => {
      if (el.type === 'symbol' && shown(el)) {
        markerEls.add(el);
        markers.push({ series, ...box(el) });
      }
    });
  const model = chart.getModel();
  model.eachSeries((s) => collect(chart.getViewOfSeriesModel(s)?.group, s.name));
  for (const m of model.findComponents({ mainType: 'markPoint' }))
    collect(chart.getViewOfComponentModel(m)?.group, 'markPoint');
  const texts: DrawnText[] = scene
    .filter((el) => (el.type === 'tspan' || el.type === 'text') && shown(el) && el.style?.text)
    .map((el) => ({
      text: String(el.style!.text),
      onMarker: hostedByMarker(el, markerEls),
      ...box(el),
    }));
  return {
    width: instance.getWidth(),
    height: instance.getHeight(),
    grid: model.getComponent('grid')?.coordinateSystem?.getRect() ?? null,
    texts,
    markers,
  };
}

/** A label belongs to the element it is attached to (zrender's host), or to its host's group. */
function hostedByMarker(el: SceneElement, markers: Set<SceneElement>): boolean {
  const host = el.__hostTarget ?? (el as { parent?: SceneElement }).parent?.__hostTarget;
  return host !== undefined && markers.has(host);
}
