export interface Config {
  awsGlue?: {
    /**
     * Limits of the Tech Insights fact retriever `aws-glue-job-facts`
     * (`@aws-glue-backstage/plugin-tech-insights-backend-module-aws-glue`).
     * Its cadence, timeout and lifecycle are Tech Insights' own:
     * `techInsights.factRetrievers.aws-glue-job-facts`.
     */
    techInsights?: {
      /** Job entities per page read from the AWS Glue backend, 1-500. Default 500. */
      pageSize?: number;
      /** Seconds one page may take. Default 30. */
      callTimeoutSeconds?: number;
      /**
       * Seconds the whole retrieval may take; keep it below the retriever's
       * Tech Insights `timeout` (default 5 minutes). Default 240.
       */
      deadlineSeconds?: number;
      /** The most pages read in one retrieval. Default 1000. */
      maxPages?: number;
    };
  };
}
