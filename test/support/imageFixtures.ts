/** The image fixtures of test/fixtures/images (generate.py): files, Pillow's pixels, scikit-learn fits. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../shared/engine/emFixtures';

export const imagesDir = path.join(FIXTURES, 'images');
export const imagePath = (name: string): string => path.join(imagesDir, name);

export interface ImageFit {
  columns: string[];
  k: number;
  init: { weights: number[]; means: number[][]; precisions: number[][][] };
  converged: boolean;
  n_iter: number;
  mean_log_likelihood: number;
  weights: number[];
  means: number[][];
  covariances: number[][][];
  labels: number[];
}

export interface ImageExpectations {
  images: Record<
    string,
    { width: number; height: number; channels: 1 | 3; max_value: number; pixels: number[] }
  >;
  lab_of_colour_png: number[];
  fits: Record<string, ImageFit>;
}

export const imageExpectations = (): ImageExpectations =>
  JSON.parse(readFileSync(path.join(imagesDir, 'expected.json'), 'utf8')) as ImageExpectations;
