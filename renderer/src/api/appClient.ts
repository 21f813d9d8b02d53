import type { AppInfo, MixlabApi, SampleInfo } from '../../../shared/api';
import { systemApi } from './systemApi';

/** Facts about the running app: version, OS locale and scheme, the engine, the bundled samples. */
export interface AppClient {
  getAppInfo(): Promise<AppInfo>;
  listSamples(): Promise<SampleInfo[]>;
}

export function createAppClient(api: MixlabApi = systemApi()): AppClient {
  return {
    getAppInfo: () => api.getAppInfo({}),
    listSamples: () => api.listSamples({}),
  };
}
