import { useQuery } from '@tanstack/react-query';
import { PAPER, type PaperWidth, type SlipLogo } from '../../../../src-shared/slips/model';
import { logoRaster } from '../../../../src-shared/slips/dither';
import { useLogo } from './printing-queries';

/** Decodes a PNG with the browser and reads its RGBA pixels. */
async function pixelsOf(pngBase64: string) {
  const image = new Image();
  image.src = `data:image/png;base64,${pngBase64}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/**
 * The shop's logo as the printer gets it for this paper: the same scaling and dithering
 * (src-shared/slips/dither.ts), so the preview shows the dots that will print. null: no logo.
 */
export function useSlipLogo(width: PaperWidth): SlipLogo | null {
  const png = useLogo().data?.pngBase64 ?? null;
  const raster = useQuery({
    queryKey: ['slipLogo', png, width],
    enabled: png !== null,
    staleTime: Infinity,
    queryFn: async () => logoRaster(await pixelsOf(png!), PAPER[width].dots),
  });
  return png ? (raster.data ?? null) : null;
}
