import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PAPER, type Slip, type SlipLogo } from '../../../../../src-shared/slips/model';
import { paperDots } from '../../../../../src-shared/slips/geometry';
import { laySlip, type LaidRow } from './slip-layout';
import styles from './SlipPreview.module.css';

interface SlipPreviewProps {
  slip: Slip;
  /** Screen pixels per printer dot: 1 draws the slip at its true width in dots. */
  scale?: number;
}

/**
 * The slip as the printer will print it: the same model, wrapped into the same columns, the same
 * QR module size and barcode bar width, on paper of the real width (the grey margins are paper
 * the print head does not reach).
 */
export function SlipPreview({ slip, scale = 1 }: SlipPreviewProps) {
  const { t } = useTranslation();
  const rows = useMemo(() => laySlip(slip), [slip]);
  const { dots } = PAPER[slip.width];
  const px = (value: number) => value * scale;
  return (
    <figure
      className={styles.paper}
      style={{ width: px(paperDots(slip.width)), '--scale': scale } as React.CSSProperties}
      aria-label={t('slipPreview.label', { width: slip.width })}
      data-paper-width={slip.width}
    >
      <div className={styles.printable} style={{ width: px(dots) }} data-testid="slip-printable">
        {rows.map((row, index) => (
          <SlipRow key={index} row={row} scale={scale} />
        ))}
      </div>
    </figure>
  );
}

function SlipRow({ row, scale }: { row: LaidRow; scale: number }) {
  const { t } = useTranslation();
  switch (row.kind) {
    case 'text':
      return (
        <div
          className={row.big ? `${styles.line} ${styles.big}` : styles.line}
          style={{ height: row.height * scale, fontWeight: row.bold ? 700 : 400 }}
          data-testid="slip-line"
        >
          {row.chars.map((char, index) => (
            <span
              key={index}
              className={styles.char}
              style={{ left: char.x * scale, width: char.width * scale }}
            >
              {char.char}
            </span>
          ))}
        </div>
      );
    case 'qr':
      return <QrRow data={row.data} cellDots={row.cellDots} scale={scale} />;
    case 'barcode':
      return <BarcodeRow row={row} scale={scale} />;
    case 'logo':
      return (
        <div className={styles.centered}>
          <LogoRaster logo={row} scale={scale} />
        </div>
      );
    case 'feed':
      return <div style={{ height: row.height * scale }} />;
    case 'cut':
      return (
        <div className={styles.cut} role="separator" aria-label={t('slipPreview.cut')}>
          <span aria-hidden>✂</span>
        </div>
      );
  }
}

/** QR drawn module for module at the printer's module size. */
function QrRow({ data, cellDots, scale }: { data: string; cellDots: number; scale: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useMemo(
    () => QRCode.create(data, { errorCorrectionLevel: 'M' }).modules.size * cellDots,
    [data, cellDots],
  );
  useEffect(() => {
    if (canvas.current)
      void QRCode.toCanvas(canvas.current, data, {
        errorCorrectionLevel: 'M',
        margin: 0,
        scale: cellDots,
      });
  }, [data, cellDots]);
  return (
    <div className={styles.centered}>
      <canvas
        ref={canvas}
        className={styles.pixels}
        style={{ width: size * scale, height: size * scale }}
        data-testid="slip-qr"
        data-payload={data}
      />
    </div>
  );
}

/** CODE128 in the code set and bar width the printer uses. */
function BarcodeRow({ row, scale }: { row: Extract<LaidRow, { kind: 'barcode' }>; scale: number }) {
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!svg.current) return;
    JsBarcode(svg.current, row.data, {
      format: row.set === 'C' ? 'CODE128C' : 'CODE128B',
      width: row.moduleDots,
      height: row.height,
      margin: 0,
      displayValue: false,
    });
    // Drawn in dots; shown at the preview's scale.
    const width = Number(svg.current.getAttribute('width')?.replace('px', ''));
    svg.current.style.width = `${width * scale}px`;
    svg.current.style.height = `${row.height * scale}px`;
    svg.current.setAttribute('viewBox', `0 0 ${width} ${row.height}`);
  }, [row, scale]);
  return (
    <div className={styles.centered}>
      <svg ref={svg} className={styles.pixels} data-testid="slip-barcode" data-payload={row.data} />
    </div>
  );
}

/** A 1-bit raster dot for dot, as the printer prints the logo. */
export function LogoRaster({ logo, scale = 1 }: { logo: SlipLogo; scale?: number }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(logo.width, logo.height);
    const rowBytes = logo.width / 8;
    for (let y = 0; y < logo.height; y++)
      for (let x = 0; x < logo.width; x++) {
        const black = (logo.bits[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
        const i = (y * logo.width + x) * 4;
        image.data.fill(black ? 17 : 255, i, i + 3);
        image.data[i + 3] = 255;
      }
    context.putImageData(image, 0, 0);
  }, [logo]);
  return (
    <canvas
      ref={canvas}
      width={logo.width}
      height={logo.height}
      className={styles.pixels}
      style={{ width: logo.width * scale, height: logo.height * scale }}
      aria-label={t('printing.logoAlt')}
      role="img"
    />
  );
}
