/** Engine kind `background`: the per-pixel background model over a sequence of frames (runBackground.ts). */
import {
  backgroundRequestSchema,
  type ParsedBackgroundRequest,
} from '../../../shared/engine/background/backgroundRequest';
import { runBackground } from '../background/runBackground';
import type { Handler } from './handler';

export const background: Handler<'background', ParsedBackgroundRequest> = {
  schema: backgroundRequestSchema,
  run: (request, ctx) => runBackground(request, ctx),
};
