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

  async function load(): Promise<void> {
    try {
      const [info, list] = await Promise.all([clients.app.getAppInfo(), clients.app.listSamples()]);
      appInfo.value = info;
      samples.value = list;
      preferences.adoptSystem(info);
    } catch (error) {
      notices.showError(toUserError(error));
    } finally {
      loaded.value = true;
    }
  }

  return { appInfo, samples, loaded, load };
});
