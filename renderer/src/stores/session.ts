import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, SampleInfo } from '../../../shared/api';
import { useClients } from '../api/clients';
import { toUserError } from '../api/userError';
import { useNoticesStore } from './notices';
import { usePreferencesStore } from './preferences';

/** What the app knows about itself at start: version, engine status, the bundled sample datasets. */
export const useSessionStore = defineStore('session', () => {
  const clients = useClients();
  const notices = useNoticesStore();
  const preferences = usePreferencesStore();

  const appInfo = ref<AppInfo | null>(null);
  const samples = ref<SampleInfo[]>([]);
  const loaded = ref(false);

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

  return { appInfo, samples, loaded, load };
});
