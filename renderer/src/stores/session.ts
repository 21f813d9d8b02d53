import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, SampleInfo } from '../../../shared/api';
import type { DatasetSummary } from '../../../shared/data/types';
import { useClients } from '../api/clients';
import { toUserError } from '../api/userError';
import { useNoticesStore } from './notices';
import { usePreferencesStore } from './preferences';

/** A store whose state belongs to the open dataset: its column indices mean other columns in another file. */
export interface DatasetMember {
  /** Back to its state for a new dataset (or none): synchronous, no engine call. */
  reset(): void;
  /** Asks the engine for what the new dataset needs, once every member has reset. */
  load?(): void;
}

export type DatasetMemberName = 'analysis' | 'views' | 'sweep' | 'project' | 'history';

/**
 * The session: what the app knows about itself at start (version, engine status, the bundled
 * sample datasets), and the work over the open dataset. The stores whose state belongs to that
 * dataset join the session; when the dataset store opens data, opens it again or closes it, it calls
 * `startOver`, which resets them in one fixed order and then lets them load. Everything is reset
 * when the dataset store's action resolves, so a project restore restores over it at once.
 *
 * The members join (rather than this store importing them) because they read the dataset store,
 * which calls this one: the imports stay one-way, dataset → session ← members.
 */
export const useSessionStore = defineStore('session', () => {
  const clients = useClients();
  const notices = useNoticesStore();
  const preferences = usePreferencesStore();

  const appInfo = ref<AppInfo | null>(null);
  const samples = ref<SampleInfo[]>([]);
  const loaded = ref(false);

  const members: Partial<Record<DatasetMemberName, DatasetMember>> = {};

  /** Each fact loads on its own: a failing sample list must not hide the version, nor the reverse. */
  async function load(): Promise<void> {
    const [info, list] = await Promise.allSettled([clients.app.getAppInfo(), clients.app.listSamples()]);
    if (info.status === 'fulfilled') {
      appInfo.value = info.value;
      preferences.adoptSystem(info.value);
    }
    if (list.status === 'fulfilled') samples.value = list.value;
    const failure = [info, list].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) notices.showError(toUserError(failure.reason));
    loaded.value = true;
  }

  /** A store's setup joins once; the returned function leaves (run it on the store's scope dispose). */
  function join(name: DatasetMemberName, member: DatasetMember): () => void {
    members[name] = member;
    return () => {
      if (members[name] === member) delete members[name];
    };
  }

  /**
   * Another dataset is open, or none: every member starts over, each after the members it reads —
   * the analysis (selection, settings, fit), the view showing, the sweep built on its columns, then the document that
   * saves both (title and unsaved marker), the undo history of the analysis — and then the members
   * load what the new data needs.
   */
  function startOver(summary: DatasetSummary | null): void {
    members.analysis?.reset();
    members.views?.reset();
    members.sweep?.reset();
    members.project?.reset();
    members.history?.reset();
    if (summary) members.analysis?.load?.();
  }

  return { appInfo, samples, loaded, load, join, startOver };
});
