/** Sample datasets shipped with the app (build/samples in development, resources/samples packaged). */
import type { SampleInfo } from '../../shared/api';

export const SAMPLES: readonly SampleInfo[] = [
  { id: 'iris', file: 'iris.csv', rows: 150, columns: 5 },
  { id: 'faithful', file: 'faithful.csv', rows: 272, columns: 2 },
  { id: 'mall_customers', file: 'mall_customers.csv', rows: 200, columns: 5 },
];
