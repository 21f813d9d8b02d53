/**
 * The `sweep` request at the engine's edge: its schema, shared with the main process's IPC
 * validation. Column selection and preprocessing are the fit request's (fitRequest.ts builds the
 * matrix); the per-cell options are the fit options without K, covariance type and explicit starts.
 */
import { z } from 'zod';
import { fitOptionsSchema } from './fitRequest';
import { COVARIANCE_TYPES, type CovarianceType } from '../model/types';
import type { SweepRequest } from '../sweep/types';

/** Default grid: K = 1…9 (issue 6), every covariance type. */
export const DEFAULT_SWEEP_KS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export const sweepOptionsSchema = fitOptionsSchema.omit({
  nComponents: true,
  covarianceType: true,
  initParams: true,
});

export const sweepRequestSchema = z
  .object({
    datasetId: z.string().min(1),
    columns: z.array(z.number().int().min(0)).min(1),
    standardize: z.boolean().default(false),
    logColumns: z.array(z.number().int().min(0)).optional(),
    ks: z
      .array(z.number().int().min(1).max(1000))
      .min(1)
      .max(1000)
      .default([...DEFAULT_SWEEP_KS]),
    covarianceTypes: z
      .array(z.enum(COVARIANCE_TYPES as [CovarianceType, ...CovarianceType[]]))
      .min(1)
      .default([...COVARIANCE_TYPES]),
    options: sweepOptionsSchema.default(sweepOptionsSchema.parse({})),
    refine: z.boolean().default(true),
    threads: z.number().int().min(1).max(256).optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    if (new Set(req.columns).size !== req.columns.length)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column is selected twice' });
    if (new Set(req.ks).size !== req.ks.length)
      ctx.addIssue({ code: 'custom', path: ['ks'], message: 'a component count is listed twice' });
    if (new Set(req.covarianceTypes).size !== req.covarianceTypes.length)
      ctx.addIssue({
        code: 'custom',
        path: ['covarianceTypes'],
        message: 'a covariance type is listed twice',
      });
    for (const c of req.logColumns ?? []) {
      if (!req.columns.includes(c))
        ctx.addIssue({
          code: 'custom',
          path: ['logColumns'],
          message: `column ${c} is not among the selected columns`,
        });
    }
  }) as unknown as z.ZodType<SweepRequest>;
