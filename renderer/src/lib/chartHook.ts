/**
 * A read-only look at the charts for automated UI tests: under browser automation only
 * (navigator.webdriver, which Playwright and WebDriver set; never true for a person using the app)
 * each chart registers a function returning its series' types, names and data as plain arrays on
 * `window.__mixlabCharts[name]`. Nothing is registered in normal use.
 */
import type { ECOption } from '../charts/echartsSetup';
import type { DrawnLayout } from './chartDrawn';

export interface ChartSnapshot {
  title: string;
  subtitle: string;
  series: { type: string; name: string; data: unknown[] }[];
  /** What the chart painted (lib/chartDrawn.ts), once it is mounted. */
  drawn?: DrawnLayout | null;
}

type Registry = Record<string, () => ChartSnapshot>;

export function automationActive(): boolean {
  return typeof navigator !== 'undefined' && navigator.webdriver === true;
}

/** Plain copy of what an option draws (typed arrays become arrays; large data is cut at 5 000 entries). */
export function snapshotOption(option: ECOption): ChartSnapshot {
  const title = (Array.isArray(option.title) ? option.title[0] : option.title) as
    { text?: string; subtext?: string } | undefined;
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as {
    type?: string;
    name?: string;
    data?: ArrayLike<unknown>;
  }[];
  return {
    title: title?.text ?? '',
    subtitle: title?.subtext ?? '',
    series: series.map((s) => ({
      type: s.type ?? '',
      name: String(s.name ?? ''),
      data: s.data ? Array.from(s.data).slice(0, 5000) : [],
    })),
  };
}

export function registerChart(name: string, read: () => ChartSnapshot): () => void {
  if (!automationActive()) return () => undefined;
  const host = globalThis as { __mixlabCharts?: Registry };
  host.__mixlabCharts ??= {};
  host.__mixlabCharts[name] = read;
  return () => {
    if (host.__mixlabCharts?.[name] === read) delete host.__mixlabCharts[name];
  };
}
