/** Types of syntheticFrames.mjs (the synthetic fixed-camera sequence and its scoring). */
export interface SyntheticSequence {
  width: number;
  height: number;
  channels: 1 | 3;
  learning: number;
  frames: Uint8Array[];
  truth: Uint8Array[];
}
export function syntheticSequence(o?: {
  width?: number;
  height?: number;
  frames?: number;
  learning?: number;
  noise?: number;
  colour?: boolean;
  seed?: number;
}): SyntheticSequence;
export function foregroundScore(
  masks: Uint8Array[],
  truth: Uint8Array[],
  from: number,
): { precision: number; recall: number; f1: number };
