import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code drawn in the page from its payload (the same signed token a slip prints). */
export function QrCode({
  payload,
  size = 132,
  alt,
}: {
  payload: string;
  size?: number;
  alt: string;
}) {
  const [drawn, setDrawn] = useState<{ payload: string; url: string } | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(payload, { margin: 1, width: size * 2, errorCorrectionLevel: 'M' }).then(
      (url) => current && setDrawn({ payload, url }),
    );
    return () => {
      current = false;
    };
  }, [payload, size]);
  if (drawn?.payload !== payload)
    return <Skeleton.Node active style={{ width: size, height: size }} />;
  return <img src={drawn.url} width={size} height={size} alt={alt} />;
}
