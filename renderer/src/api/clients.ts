import { inject, type InjectionKey } from 'vue';
import type { MixlabApi } from '../../../shared/api';
import { createAnalysisClient, type AnalysisClient } from './analysisClient';
import { createAppClient, type AppClient } from './appClient';
import { createBackgroundClient, type BackgroundClient } from './backgroundClient';
import { createDatasetClient, type DatasetClient } from './datasetClient';
import { createDesktopClient, type DesktopClient } from './desktopClient';
import { createEventClient, type EventClient } from './eventClient';
import { createJobClient, type JobClient } from './jobClient';
import { createProjectClient, type ProjectClient } from './projectClient';
import { createSweepClient, type SweepClient } from './sweepClient';
import { systemApi } from './systemApi';

/** Every client the stores use, built over one MixlabApi (the real bridge, or a fake in tests). */
export interface Clients {
  app: AppClient;
  dataset: DatasetClient;
  jobs: JobClient;
  events: EventClient;
  analysis: AnalysisClient;
  sweep: SweepClient;
  project: ProjectClient;
  desktop: DesktopClient;
  background: BackgroundClient;
}

export function createClients(api: MixlabApi = systemApi()): Clients {
  return {
    app: createAppClient(api),
    dataset: createDatasetClient(api),
    jobs: createJobClient(api),
    events: createEventClient(api),
    analysis: createAnalysisClient(api),
    sweep: createSweepClient(api),
    project: createProjectClient(api),
    desktop: createDesktopClient(api),
    background: createBackgroundClient(api),
  };
}

/** Provided once on the Vue app (main.ts); Pinia runs store setup inside the app's context. */
export const clientsKey: InjectionKey<Clients> = Symbol('mixlab.clients');

export function useClients(): Clients {
  const clients = inject(clientsKey, null);
  if (!clients)
    throw new Error(
      'Clients are not provided: call app.provide(clientsKey, createClients()) before using a store.',
    );
  return clients;
}
