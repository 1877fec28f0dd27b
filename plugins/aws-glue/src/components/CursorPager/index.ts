export { CursorPager } from './CursorPager';
export type { CursorPagerProps } from './CursorPager';
