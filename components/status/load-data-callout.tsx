export function LoadDataCallout() {
  return (
    <div className="callout" role="note" aria-labelledby="load-data-title">
      <h3 id="load-data-title" className="callout__title">
        No engagement data loaded yet
      </h3>
      <p>
        The fact tables are empty, so there are no viewing sessions or ratings to analyse. Data gets in one of two
        ways:
      </p>
      <ul className="bullet-list">
        <li>
          <code>npm run dev</code> loads the demo dataset the first time it starts.
        </li>
        <li>
          <code>npm run data:load -- DIR</code> loads a dataset directory.
        </li>
      </ul>
    </div>
  );
}
