import { defineStore } from 'pinia';
import { ref } from 'vue';

/** The views of the centre area, in tab order. */
export const VIEW_IDS = [
  'scatter',
  'histogram',
  'pairs',
  'trace',
  'certainty',
  'summary',
  'parameters',
  'compare',
  'selection',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** Which analysis view is showing; kept in a store so a finished fit (or a project file) can switch it. */
export const useViewsStore = defineStore('views', () => {
  const active = ref<ViewId>('scatter');
  function show(view: ViewId): void {
    active.value = view;
  }
  return { active, show };
});
