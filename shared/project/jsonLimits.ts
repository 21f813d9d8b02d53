/**
 * How large a JSON file read whole may be, for each kind the app and the command line read: one
 * table, so `mixlab apply` and File → Apply model refuse the same model file for the same reason.
 * `bytes` is checked from the file's size before it is read; `values` (array elements and object
 * members, counted from the bytes) and `depth` (nesting) before JSON.parse builds anything, because
 * a small file of `0,0,0,…` or of `[[[[…` costs far more after parsing than its size suggests
 * (electron/common/jsonShape.ts). Project files have their own limits (schema.ts PROJECT_LIMITS,
 * electron/main/projectFiles.ts PROJECT_READ_LIMITS).
 */
export interface JsonFileLimits {
  bytes: number;
  values: number;
  depth: number;
}

/**
 * Model files (modelFile.ts): a model holds covariances and their Cholesky factors, 2·K·d² numbers
 * for full covariances, written at about 20 characters each, so 64 MB is about 3 million numbers
 * (K = 15 components of d = 300 features); 8 million values leaves room for short numbers. A
 * model nests 4 levels (file → covariances → component → row); 64 is generous.
 */
export const MODEL_FILE_LIMITS: Readonly<JsonFileLimits> = {
  bytes: 64 * 2 ** 20,
  values: 8_000_000,
  depth: 64,
};

/** `mixlab fit --init-params`: the same arrays as a model file (weights, means, covariances). */
export const INIT_PARAMS_LIMITS: Readonly<JsonFileLimits> = MODEL_FILE_LIMITS;
