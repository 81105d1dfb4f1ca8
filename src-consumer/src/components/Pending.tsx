import DotLoading from 'antd-mobile/es/components/dot-loading';

/** What a page shows until its data arrives: a spinner, or why it did not come. */
export function Pending({ error }: { error?: string | null }) {
  return (
    <div className="center">
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : (
        <DotLoading color="primary" />
      )}
    </div>
  );
}
