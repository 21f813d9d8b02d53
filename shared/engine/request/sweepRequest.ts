/**
 * The `sweep` request at the engine's edge: its schema, shared with the main process's IPC
 * validation, and the source of the SweepFitOptions and SweepRequest types (sweep/types.ts). Column
 * selection and preprocessing are the fit request's (buildFitMatrix.ts builds the matrix); the
 * per-cell options are the fit options without K, covariance type and explicit starts.
 */
import { z } from 'zod';
import { fitOptionsSchema } from './fitRequest';
import { INTEGER_OPTION_RANGES } from './fitRules';
import { familyRoleFields, familyRoleProblems } from './familyRoles';
import { COVARIANCE_MODEL_NAMES, COVARIANCE_TYPES } from '../model/types';

/** Default grid: K = 1…9 (mclust's default, `Mclust(G = 1:9)`), every covariance type. */
export const DEFAULT_SWEEP_KS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

const K_RANGE = INTEGER_OPTION_RANGES.nComponents;

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
    /** Column indices (subset of `columns`) to log-transform; rows with values ≤ 0 there are dropped. */
    logColumns: z.array(z.number().int().min(0)).optional(),
    /** Component counts in nComponents' range, distinct, in any order (the grid sorts them); default 1…9. */
    ks: z
      .array(z.number().int().min(K_RANGE.min).max(K_RANGE.max))
      .min(1)
      .max(1000)
      .default([...DEFAULT_SWEEP_KS]),
    /**
     * scikit-learn's or mclust's names, any mix (each cell keeps the name it was asked by); default
     * scikit-learn's four, in COVARIANCE_TYPES order.
     */
    covarianceTypes: z
      .array(z.enum(COVARIANCE_MODEL_NAMES))
      .min(1)
      .default([...COVARIANCE_TYPES]),
    /** Every cell is fitted with these, seed included (the same seed in every cell). */
    options: sweepOptionsSchema.default(sweepOptionsSchema.parse({})),
    /**
     * Second pass (default true): also start EM from splits of the K − 1 fit and merges of the
     * K + 1 fit of the same type and keep the better fit (sweep/refine.ts).
     */
    refine: z.boolean().default(true),
    /** Worker threads running whole cells; default all cores. */
    threads: z.number().int().min(1).max(256).optional(),
    ...familyRoleFields,
  })
  .strict()
  .superRefine((req, ctx) => {
    if (new Set(req.columns).size !== req.columns.length)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column is selected twice' });
    for (const problem of familyRoleProblems(req)) ctx.addIssue({ code: 'custom', ...problem });
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
  });
