import { useEffect, useRef } from 'react';
import QRCode from 'qrcode';

/**
 * A QR drawn on a canvas: no image URL, nothing the page's CSP must allow. The payload is on the
 * element too (`data-token`), for tests and for a helper reading the screen. `size` in CSS
 * pixels (240 by default; larger for a code a till scans across the counter).
 */
export function QrCanvas({ payload, size = 240 }: { payload: string; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current)
      void QRCode.toCanvas(canvas.current, payload, {
        width: size,
        margin: 1,
        errorCorrectionLevel: 'M',
      });
  }, [payload, size]);
  return (
    <canvas
      ref={canvas}
      className="qr"
      style={{ width: size, height: size }}
      aria-label="QR"
      data-token={payload}
    />
  );
}
