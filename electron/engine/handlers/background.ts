/**
 * Engine kinds `background` (the per-pixel background model over a sequence of frames,
 * runBackground.ts) and `background.frame` (one frame of a finished run for the player, frameView.ts).
 */
import {
  backgroundRequestSchema,
  type ParsedBackgroundRequest,
} from '../../../shared/engine/background/backgroundRequest';
import { frameViewRequestSchema } from '../../../shared/engine/background/frameViewRequest';
import { runBackground } from '../background/runBackground';
import { frameView } from '../background/frameView';
import { withTransfer, type Handler } from './handler';

export const background: Handler<'background', ParsedBackgroundRequest> = {
  schema: backgroundRequestSchema,
  run: (request, ctx) => runBackground(request, ctx),
};

export const backgroundFrame: Handler<'background.frame'> = {
  schema: frameViewRequestSchema,
  run: async (request) => {
    const view = await frameView(request);
    const buffers = new Set([view.frame.buffer, view.mask.buffer, view.estimate.buffer]);
    return withTransfer(view, [...buffers] as ArrayBuffer[]);
  },
};
