import type pg from "pg";
import type { Service } from "../lib/processes";

/** What every scenario gets: the database, the brand's posts, the app's environment, services. */
export type BenchContext = {
  db: pg.Pool;
  url: string;
  posts: string[];
  env: NodeJS.ProcessEnv;
  web: Service;
  startWorker: (name: string) => Service;
};
