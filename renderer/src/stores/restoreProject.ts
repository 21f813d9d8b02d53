/**
 * Restoring a project into the workspace, step by step over the stores. Opening its data again (or
 * closing the data) makes the session's stores start over before it returns (session.ts); then the
 * analysis and the sweep restore over them at once — the current fit with its labels recomputed
 * from the stored model (applyModel), never refitted. The project store keeps the document (path,
 * baseline, the project open without data) around these steps.
 */
import type { MixlabProject } from '../../../shared/project/schema';
import type { Clients } from '../api/clients';
import {
  activeViewOf,
  analysisStateOf,
  currentProjectFit,
  labelModelOf,
  restoredFit,
  sweepStateOf,
} from '../lib/projectState';
import { currentMixtureFit, restoredMixtureFit } from '../lib/projectMixture';
import type { useAnalysisStore } from './analysis';
import type { useDatasetStore } from './dataset';
import { defaultSweepState, type useSweepStore } from './sweep';
import { isViewId, type useViewsStore } from './views';

export interface RestoreTargets {
  clients: Pick<Clients, 'project' | 'analysis'>;
  dataset: ReturnType<typeof useDatasetStore>;
  analysis: ReturnType<typeof useAnalysisStore>;
  sweep: ReturnType<typeof useSweepStore>;
  views: ReturnType<typeof useViewsStore>;
}

/** The view the project was saved on, if this version has it; else the dataset's default stays. */
function restoreView(views: RestoreTargets['views'], project: MixlabProject): void {
  const saved = activeViewOf(project);
  if (isViewId(saved)) views.show(saved);
}

/**
 * Opens `dataPath` with the settings the project's file was read with (detected or chosen in the
 * import dialog), so the columns the analysis refers to come out the same even if detection would
 * now guess differently; then restores selection, settings, view, the sweep and the current fit.
 * False when the import failed (it said why); an applyModel failure rejects.
 */
export async function restoreWithData(
  { clients, dataset, analysis, sweep, views }: RestoreTargets,
  project: MixlabProject,
  dataPath: string,
): Promise<boolean> {
  await dataset.openPath(dataPath, project.importOptions);
  const summary = dataset.summary;
  if (!summary || summary.file !== dataPath) return false;
  const fit = currentProjectFit(project);
  const mixture = currentMixtureFit(project);
  let restored: ReturnType<typeof restoredFit> | undefined;
  if (mixture) {
    const prediction = await clients.analysis.predictMixture(summary.datasetId, mixture.model);
    restored = restoredMixtureFit(mixture, prediction, summary.datasetId);
  } else if (fit) {
    const applied = await clients.project.applyModel(summary.datasetId, labelModelOf(fit));
    restored = restoredFit(fit, applied, summary.datasetId);
  }
  const source = (project.viewState as { fitSource?: unknown }).fitSource;
  await analysis.restoreState(
    analysisStateOf(project),
    restored && source ? { ...restored, source: source as never } : restored,
  );
  sweep.restoreState(sweepStateOf(project, defaultSweepState()));
  restoreView(views, project);
  return true;
}

/** Without rows: the data closes; the settings and the sweep (chart and table) are restored, nothing is labelled. */
export async function restoreWithoutData(
  { dataset, analysis, sweep, views }: RestoreTargets,
  project: MixlabProject,
): Promise<void> {
  dataset.close();
  await analysis.restoreState(analysisStateOf(project));
  sweep.restoreState(sweepStateOf(project, defaultSweepState()));
  restoreView(views, project);
}
