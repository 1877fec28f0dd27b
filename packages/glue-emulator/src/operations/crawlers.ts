/*
 * Crawlers: GetCrawlers, GetCrawler, BatchGetCrawlers, ListCrawlers,
 * StartCrawler.
 */
import {
  entityNotFound,
  GlueError,
  optionalInt,
  optionalMap,
  optionalString,
  requireString,
  stringList,
} from '../errors';
import type { CrawlerRecord } from '../model';
import {
  decodeToken,
  encodeToken,
  fingerprint,
  pageOf,
  scanPage,
} from '../paging';
import type { GlueCrawler, GlueLastCrawl } from '../types';
import { matchesAnyTag, Operation, OperationContext } from './context';

const DEFAULT_PAGE = 100;

export function findCrawler(
  ctx: OperationContext,
  name: string,
): CrawlerRecord {
  const crawler = ctx.model.crawlers.get(name);
  if (!crawler) {
    throw entityNotFound(`Crawler with name ${name} not found`);
  }
  return crawler;
}

function lastCrawlStatus(state: string): GlueLastCrawl['Status'] {
  if (state === 'CANCELLED' || state === 'SUCCEEDED') return state;
  return 'FAILED';
}

/** The crawler with its current State, CrawlElapsedTime and LastCrawl. */
export function crawlerView(
  ctx: OperationContext,
  crawler: CrawlerRecord,
): GlueCrawler {
  const crawls = ctx.runtime.crawlsOf(crawler);
  const view: GlueCrawler = { ...crawler.api };
  const running = crawls.filter(c => c.crawl.State === 'RUNNING');
  if (running.length > 0) {
    const latest = running[running.length - 1];
    view.State = 'RUNNING';
    view.CrawlElapsedTime = Math.max(
      0,
      Math.round(ctx.now - latest.crawl.StartedOn * 1000),
    );
  } else {
    view.State = 'READY';
    view.CrawlElapsedTime = 0;
  }
  for (let i = crawls.length - 1; i >= 0; i--) {
    const c = crawls[i];
    if (c.crawl.State === 'RUNNING' || c.crawl.State === 'CANCELLING') continue;
    const last: GlueLastCrawl = {
      Status: lastCrawlStatus(c.crawl.State),
      LogGroup: c.crawl.LogGroup,
      LogStream: c.crawl.LogStream,
      MessagePrefix: c.messagePrefix,
      StartTime: c.crawl.StartedOn,
    };
    if (c.crawl.ErrorMessage) last.ErrorMessage = c.crawl.ErrorMessage;
    view.LastCrawl = last;
    break;
  }
  return view;
}

export const GetCrawlers: Operation = (input, ctx) => {
  const max = optionalInt(input, 'MaxResults', 1, 1000) ?? DEFAULT_PAGE;
  const print = fingerprint('GetCrawlers', ctx.accountId, ctx.region);
  const offset =
    decodeToken(optionalString(input, 'NextToken'), print)?.offset ?? 0;
  const { items, next } = pageOf(ctx.model.crawlerList, offset, max);
  return {
    Crawlers: items.map(c => crawlerView(ctx, c)),
    NextToken: next === undefined ? undefined : encodeToken(next, print),
  };
};

export const GetCrawler: Operation = (input, ctx) => ({
  Crawler: crawlerView(ctx, findCrawler(ctx, requireString(input, 'Name'))),
});

export const BatchGetCrawlers: Operation = (input, ctx) => {
  const names = stringList(input, 'CrawlerNames', {
    min: 0,
    max: 100,
    required: true,
  })!;
  const crawlers = [];
  const notFound = [];
  for (const name of names) {
    const crawler = ctx.model.crawlers.get(name);
    if (crawler) crawlers.push(crawlerView(ctx, crawler));
    else notFound.push(name);
  }
  return { Crawlers: crawlers, CrawlersNotFound: notFound };
};

export const ListCrawlers: Operation = (input, ctx) => {
  const max = optionalInt(input, 'MaxResults', 1, 1000) ?? DEFAULT_PAGE;
  const tags = optionalMap(input, 'Tags');
  const print = fingerprint(
    'ListCrawlers',
    ctx.accountId,
    ctx.region,
    tags ?? {},
  );
  const offset =
    decodeToken(optionalString(input, 'NextToken'), print)?.offset ?? 0;
  const { items, next } = scanPage(ctx.model.crawlerList, offset, max, c =>
    matchesAnyTag(c.tags, tags),
  );
  return {
    CrawlerNames: items.map(c => c.name),
    NextToken: next === undefined ? undefined : encodeToken(next, print),
  };
};

export const StartCrawler: Operation = (input, ctx) => {
  const crawler = findCrawler(ctx, requireString(input, 'Name'));
  if (!ctx.runtime.startCrawl(crawler, undefined, ctx.now)) {
    throw new GlueError(
      'CrawlerRunningException',
      `Crawler with name ${crawler.name} has already started`,
    );
  }
  return {};
};
