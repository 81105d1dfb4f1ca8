import { Typography } from 'antd';
import styles from './ProductName.module.css';

/** A product in a table row: its name, and under it in grey what tells it apart (SKU, unit). */
export function ProductName({ name, detail }: { name: string; detail: string }) {
  return (
    <div className={styles.productName}>
      <Typography.Text strong>{name}</Typography.Text>
      <Typography.Text type="secondary">{detail}</Typography.Text>
    </div>
  );
}
