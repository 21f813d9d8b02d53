import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { ImagePixelsResult } from '../../../shared/image/displaySample';
import { useClients } from '../api/clients';
import { toUserError } from '../api/userError';
import { useDatasetStore } from './dataset';

/**
 * The longest side the Segmentation view asks for: enough for a sharp picture in the view at a usual
 * window size while a 24-megapixel photo still costs the page under 2 MB; the fit uses every pixel.
 */
export const SEGMENTATION_DISPLAY_SIDE = 720;

/**
 * The Segmentation view's state: the picture of the open image dataset (fetched from the engine once
 * per dataset, sampled to display size) and how the user chose to look at it — side by side or
 * overlaid with a slider, palette or mean cluster colours, the uncertainty overlay.
 */
export const useSegmentationStore = defineStore('segmentation', () => {
  const clients = useClients();
  const dataset = useDatasetStore();

  const picture = shallowRef<ImagePixelsResult | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const layout = ref<'side' | 'overlay'>('side');
  /** Overlay: the share of the width, from the left, showing the label image (0..1). */
  const split = ref(0.5);
  const colours = ref<'palette' | 'mean'>('palette');
  const uncertainty = ref(false);
  const isImage = computed(() => dataset.summary?.image !== undefined);

  watch(
    () => dataset.summary?.datasetId,
    () => {
      picture.value = null;
      loading.value = false;
      error.value = null;
    },
  );

  /** Fetches the picture of the open dataset unless it is here or on its way. */
  async function load(): Promise<void> {
    const summary = dataset.summary;
    if (!summary?.image || picture.value || loading.value) return;
    loading.value = true;
    try {
      const result = await clients.dataset.imagePixels(summary.datasetId, SEGMENTATION_DISPLAY_SIDE);
      if (dataset.summary !== summary) return;
      picture.value = result;
      error.value = null;
    } catch (err) {
      if (dataset.summary === summary) error.value = toUserError(err).message;
    } finally {
      if (dataset.summary === summary) loading.value = false;
    }
  }

  return { picture, loading, error, layout, split, colours, uncertainty, isImage, load };
});
