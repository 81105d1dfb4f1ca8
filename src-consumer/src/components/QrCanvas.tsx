import { useEffect, useRef } from 'react';
import QRCode from 'qrcode';

/**
 * A QR drawn on a canvas: no image URL, nothing the page's CSP must allow. The payload is on the
 * element too (`data-token`), for tests and for a helper reading the screen.
 */
export function QrCanvas({ payload }: { payload: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current)
      void QRCode.toCanvas(canvas.current, payload, {
        width: 240,
        margin: 1,
        errorCorrectionLevel: 'M',
      });
  }, [payload]);
  return <canvas ref={canvas} className="qr" aria-label="QR" data-token={payload} />;
}
