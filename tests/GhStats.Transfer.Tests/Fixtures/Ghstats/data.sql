-- Rows as ghstats' inserts write them (src/db_client.rs, src/helpers.rs at 05f84a8): insert_repo (id, full name),
-- insert_stats (the run's day, stars to prs), insert_views / insert_clones (GitHub's timestamps), insert_referrers and
-- insert_paths (the run's day), insert_stars (every day someone starred, traffic left 0). Dates are UTC midnights.
INSERT INTO repos (id, name, description, archived, fork) VALUES (1000, 'octo-org/app', 'The app', FALSE, FALSE);
-- The same repository deleted and created again: its old id keeps the old spelling, hidden since.
INSERT INTO repos (id, name, description, archived, fork, hidden) VALUES (1001, 'Octo-Org/App', NULL, FALSE, FALSE, TRUE);
INSERT INTO repos (id, name, description, archived, fork) VALUES (1002, 'octo-org/docs', NULL, FALSE, FALSE);
INSERT INTO repos (id, name, description, archived, fork) VALUES (1003, '=HYPERLINK("http://evil.example","x")', NULL, FALSE, FALSE);

-- octo-org/app: star history long before the traffic (no views, no clones: never collected).
INSERT INTO repo_stats (repo_id, date, stars) VALUES (1000, '2020-06-01T00:00:00Z', 1);
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques, clones_count, clones_uniques) VALUES (1000, '2021-02-20T00:00:00Z', 4, 2, 1, 1);
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques, clones_count, clones_uniques) VALUES (1000, '2021-03-01T00:00:00Z', 60, 14, 4, 4);
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques, clones_count, clones_uniques) VALUES (1000, '2021-03-05T00:00:00Z', 2, 1, 3, 5);
INSERT INTO repo_stats (repo_id, date, stars, forks, watchers, issues, prs) VALUES (1000, '2021-03-10T00:00:00Z', 5, 1, 5, 2, 1);
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1000, '2021-03-11T00:00:00Z', 5, 2);
INSERT INTO repo_stats (repo_id, date, stars, forks, watchers, views_count, views_uniques, clones_count, clones_uniques) VALUES (1000, '2021-03-12T00:00:00Z', 5, 1, 5, 3, 3, 2, 1);
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1000, '2099-01-01T00:00:00Z', 1, 1);
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1000, 'yesterday', 1, 1);
INSERT INTO repo_referrers (repo_id, date, referrer, count, uniques) VALUES (1000, '2021-03-10T00:00:00Z', 'github.com', 208, 72);
INSERT INTO repo_referrers (repo_id, date, referrer, count, uniques) VALUES (1000, '2021-03-10T00:00:00Z', 'Google', 182, 71);
INSERT INTO repo_referrers (repo_id, date, referrer, count, uniques) VALUES (1000, '2021-03-10T00:00:00Z', '=HYPERLINK("http://evil.example","x")', 1, 1);
INSERT INTO repo_referrers (repo_id, date, referrer, count, uniques) VALUES (1000, '2021-03-12T00:00:00Z', 'github.com', 210, 73);
INSERT INTO repo_popular_paths (repo_id, date, path, title, count, uniques) VALUES (1000, '2021-03-10T00:00:00Z', '/octo-org/app', 'GitHub - octo-org/app: The app', 366, 100);
INSERT INTO repo_popular_paths (repo_id, date, path, title, count, uniques) VALUES (1000, '2021-03-10T00:00:00Z', '/octo-org/app/blob/main/README.md', 'app/README.md at main · octo-org/app', 47, 20);

-- Its old id: the same days, read by an earlier run.
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1001, '2021-02-20T00:00:00Z', 6, 1);
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques, clones_count, clones_uniques) VALUES (1001, '2021-03-01T00:00:00Z', 50, 20, 5, 2);
INSERT INTO repo_referrers (repo_id, date, referrer, count, uniques) VALUES (1001, '2021-03-10T00:00:00Z', 'github.com', 300, 80);

-- octo-org/docs: no referrers or paths, so no run is proven.
INSERT INTO repo_stats (repo_id, date, stars) VALUES (1002, '2021-01-15T00:00:00Z', 2);
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques, clones_count, clones_uniques) VALUES (1002, '2021-03-01T00:00:00Z', 7, 3, 1, 1);

INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1003, '2021-03-01T00:00:00Z', 1, 1);

-- Rows of an id ghstats has no repos row for.
INSERT INTO repo_stats (repo_id, date, views_count, views_uniques) VALUES (1005, '2021-03-03T00:00:00Z', 2, 1);
