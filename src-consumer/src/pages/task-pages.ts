// The check-in task pages, one lazy chunk: a phone that opens one usually opens the others.
export { default as OrderPage } from './OrderPage';
export { default as TaskPage } from './TaskPage';
export { default as TasksPage } from './TasksPage';
export { default as TaskSitePage } from './TaskSitePage';
