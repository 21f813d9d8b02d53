import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import { isModelColumn } from '../lib/preprocessingAdvice';
import { useDatasetStore } from './dataset';
import { useSessionStore } from './session';

/** The views of the centre area, in tab order. */
export const VIEW_IDS = [
  'scatter',
  'histogram',
  'pairs',
  'trace',
  'certainty',
  'summary',
  'profiles',
  'parameters',
  'compare',
  'selection',
  'segmentation',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export function isViewId(value: unknown): value is ViewId {
  return typeof value === 'string' && (VIEW_IDS as readonly string[]).includes(value);
}

/**
 * Which analysis view is showing; kept in a store so a finished fit (or a project file) can switch
 * it. Each dataset opens on the scatter, or — one-column data, which a scatter cannot show — on the
 * histogram (the analysis store selects that column).
 */
export const useViewsStore = defineStore('views', () => {
  const dataset = useDatasetStore();
  const session = useSessionStore();
  const active = ref<ViewId>('scatter');
  /** The tabs shown: Segmentation only for a dataset imported from an image. */
  const visible = computed<readonly ViewId[]>(() =>
    dataset.summary?.image ? VIEW_IDS : VIEW_IDS.filter((id) => id !== 'segmentation'),
  );

  function show(view: ViewId): void {
    active.value = view;
  }

  function resetForDataset(): void {
    const columns = dataset.summary?.columns ?? [];
    active.value = columns.length === 1 && isModelColumn(columns[0]) ? 'histogram' : 'scatter';
  }

  onScopeDispose(session.join('views', { reset: resetForDataset }));
  // Made after the data opened (on first use): the view it would have reset to.
  if (dataset.summary) resetForDataset();

  return { active, visible, show };
});
