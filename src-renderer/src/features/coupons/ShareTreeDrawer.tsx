import { Drawer, Empty, Space, Statistic, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import type { CouponTemplate } from '../../../../src-shared/contract/coupons';
import { useApiQuery } from '../../api/queries';

type ShareNode = OutputOf<'shares.tree'>['nodes'][number];

const STATUS_COLORS: Record<ShareNode['status'], string> = {
  active: 'blue',
  redeemed: 'green',
  cancelled: 'default',
  unknown: 'default',
};

/** A campaign's coupons between phones: the counts and how they spread, most shared first. */
export function ShareTreeDrawer({
  template,
  onClose,
}: {
  template: CouponTemplate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const shares = useApiQuery('shares.tree', { templateId: template.id });
  const data = shares.data;
  const tree = useMemo(
    () => (data ? toTree(data.nodes, (node) => <NodeTitle node={node} />) : []),
    [data],
  );

  return (
    <Drawer
      open
      width={640}
      title={t('coupons.shares.title', { name: template.name })}
      onClose={onClose}
    >
      {data && (
        <>
          <Space size="large" data-testid="share-counts">
            <Statistic title={t('coupons.shares.claimed')} value={data.claimed} />
            <Statistic title={t('coupons.shares.transfers')} value={data.transfers} />
            <Statistic title={t('coupons.shares.copies')} value={data.copies} />
            <Statistic title={t('coupons.shares.sharedRedeemed')} value={data.sharedRedeemed} />
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('coupons.shares.tree')}
          </Typography.Paragraph>
          {tree.length ? (
            <Tree
              treeData={tree}
              defaultExpandAll
              selectable={false}
              showLine
              data-testid="share-tree"
            />
          ) : (
            <Empty description={t('coupons.shares.empty')} />
          )}
        </>
      )}
    </Drawer>
  );
}

function NodeTitle({ node }: { node: ShareNode }) {
  const { t } = useTranslation();
  return (
    <Space size={6}>
      <Typography.Text code>{node.display}</Typography.Text>
      <span>{node.mode ? t(`coupons.shares.modes.${node.mode}`) : t('coupons.shares.root')}</span>
      {node.hop > 0 && (
        <Typography.Text type="secondary">
          {t('coupons.shares.hop', { hop: node.hop })}
        </Typography.Text>
      )}
      <Tag color={STATUS_COLORS[node.status]}>{t(`coupons.shares.statuses.${node.status}`)}</Tag>
    </Space>
  );
}

/** The flat list (each node after its parent) as antd's nested tree. */
function toTree(nodes: ShareNode[], title: (node: ShareNode) => ReactNode): TreeDataNode[] {
  const byCode = new Map<string, TreeDataNode>();
  const roots: TreeDataNode[] = [];
  for (const node of nodes) {
    const item: TreeDataNode = { key: node.code, title: title(node), children: [] };
    byCode.set(node.code, item);
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent) parent.children!.push(item);
    else roots.push(item);
  }
  return roots;
}
