/**
 * What the fit-views worker (and its inline stand-in) keeps between requests, and the messages it
 * answers. Kept apart from fitViewsRunner.ts so the worker bundle does not import the code that
 * starts workers.
 */
import { computeFitViews, type FitViews, type FitViewsInput } from './fitViews';
import { tableOrder, type TableOrderInput, type TableOrderSpec } from './tableOrder';

export type WorkerRequest =
  | { id: number; kind: 'views'; fitId: number; input: FitViewsInput }
  | { id: number; kind: 'order'; fitId: number; spec: TableOrderSpec };
export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** The state both the worker and the inline runner keep between requests. */
export class FitViewsState {
  private fitId = -1;
  private orderInput: TableOrderInput | null = null;

  views(fitId: number, input: FitViewsInput): FitViews {
    const views = computeFitViews(input);
    this.fitId = fitId;
    // Copies: the worker transfers the views' own arrays to the page, which detaches them here.
    this.orderInput = {
      fittedRowOf: views.fittedRowOf.slice(),
      labels: input.labels,
      certainty: views.certainty.slice(),
      nComponents: input.params.nComponents,
    };
    return views;
  }

  order(fitId: number, spec: TableOrderSpec): Uint32Array | null {
    if (fitId !== this.fitId || !this.orderInput) throw new Error(`fit ${fitId} is no longer current`);
    return tableOrder(this.orderInput, spec);
  }
}
