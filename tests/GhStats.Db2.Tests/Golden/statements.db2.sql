-- Annotations.Delete
DELETE FROM ghstats.annotations WHERE id = @annotation_id AND tenant_id = @tenant_id;

-- Annotations.Get
SELECT id, tenant_id, repo_id, day, note, link, created_by, created_at FROM ghstats.annotations WHERE id = @annotation_id AND tenant_id = @tenant_id;

-- Annotations.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.annotations (tenant_id, repo_id, day, note, link, created_by, created_at) VALUES (@tenant_id, @repo_id, @day, @note, @link, @created_by, @created_at));

-- Annotations.ListForRepository
SELECT a.id, a.tenant_id, a.repo_id, a.day, a.note, a.link, a.created_by, a.created_at FROM ghstats.annotations a JOIN ghstats.repositories r ON r.id = @repo_id AND r.tenant_id = a.tenant_id WHERE a.tenant_id = @tenant_id AND (a.repo_id = r.id OR a.repo_id IS NULL) AND a.day >= @from_day AND a.day <= @to_day ORDER BY a.day, a.id;

-- Annotations.ListForTenant
SELECT id, tenant_id, repo_id, day, note, link, created_by, created_at FROM ghstats.annotations WHERE tenant_id = @tenant_id AND repo_id IS NULL AND day >= @from_day AND day <= @to_day ORDER BY day, id;

-- Annotations.RepositoryInTenant
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id AND tenant_id = @tenant_id;

-- Annotations.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Audit.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.audit_entries (occurred_at, actor_kind, actor_user_id, actor_name, tenant_id, action, target_kind, target_id, target_name, details, client_address) VALUES (@occurred_at, @actor_kind, @actor_user_id, @actor_name, @tenant_id, @action, @target_kind, @target_id, @target_name, @details, @client_address));

-- Audit.ListAll[50]
SELECT id, occurred_at, actor_kind, actor_user_id, actor_name, tenant_id, action, target_kind, target_id, target_name, details, client_address FROM ghstats.audit_entries WHERE id < @before_id AND occurred_at >= @from_time AND occurred_at < @until_time AND action LIKE @action ESCAPE '\' AND LOWER(actor_name) LIKE @actor ESCAPE '\' ORDER BY id DESC FETCH FIRST 50 ROWS ONLY;

-- Audit.ListTenant[50]
SELECT id, occurred_at, actor_kind, actor_user_id, actor_name, tenant_id, action, target_kind, target_id, target_name, details, client_address FROM ghstats.audit_entries WHERE tenant_id = @tenant_id AND id < @before_id AND occurred_at >= @from_time AND occurred_at < @until_time AND action LIKE @action ESCAPE '\' AND LOWER(actor_name) LIKE @actor ESCAPE '\' ORDER BY id DESC FETCH FIRST 50 ROWS ONLY;

-- Audit.StreamAll
SELECT id, occurred_at, actor_kind, actor_user_id, actor_name, tenant_id, action, target_kind, target_id, target_name, details, client_address FROM ghstats.audit_entries WHERE id < @before_id AND occurred_at >= @from_time AND occurred_at < @until_time AND action LIKE @action ESCAPE '\' AND LOWER(actor_name) LIKE @actor ESCAPE '\' ORDER BY id DESC;

-- Audit.StreamTenant
SELECT id, occurred_at, actor_kind, actor_user_id, actor_name, tenant_id, action, target_kind, target_id, target_name, details, client_address FROM ghstats.audit_entries WHERE tenant_id = @tenant_id AND id < @before_id AND occurred_at >= @from_time AND occurred_at < @until_time AND action LIKE @action ESCAPE '\' AND LOWER(actor_name) LIKE @actor ESCAPE '\' ORDER BY id DESC;

-- Connections.Delete
DELETE FROM ghstats.github_connections WHERE id = @connection_id AND tenant_id = @tenant_id;

-- Connections.DetachRepositories
UPDATE ghstats.repositories SET connection_id = NULL WHERE connection_id = @connection_id;

-- Connections.DetachTrackedOwners
UPDATE ghstats.tracked_owners SET connection_id = NULL WHERE connection_id = @connection_id;

-- Connections.Exists
SELECT COUNT(*) FROM ghstats.github_connections WHERE id = @connection_id AND tenant_id = @tenant_id;

-- Connections.Get
SELECT id, tenant_id, name, kind, api_base_url, protected_secret, app_id, installation_id, created_at FROM ghstats.github_connections WHERE id = @connection_id AND tenant_id = @tenant_id;

-- Connections.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.github_connections (tenant_id, name, kind, api_base_url, protected_secret, app_id, installation_id, created_at) VALUES (@tenant_id, @name, @kind, @api_base_url, @protected_secret, @app_id, @installation_id, @created_at));

-- Connections.List
SELECT id, tenant_id, name, kind, api_base_url, protected_secret, app_id, installation_id, created_at FROM ghstats.github_connections WHERE tenant_id = @tenant_id ORDER BY created_at, id;

-- Connections.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Connections.UpdateSecret
UPDATE ghstats.github_connections SET protected_secret = @protected_secret WHERE id = @connection_id AND tenant_id = @tenant_id;

-- Dashboards.AddRepository
INSERT INTO ghstats.public_dashboard_repositories (dashboard_id, repo_id) VALUES (@dashboard_id, @repo_id);

-- Dashboards.ClearRepositories
DELETE FROM ghstats.public_dashboard_repositories WHERE dashboard_id = @dashboard_id;

-- Dashboards.Delete
DELETE FROM ghstats.public_dashboards WHERE id = @dashboard_id AND tenant_id = @tenant_id;

-- Dashboards.FindPublished
SELECT id, tenant_id, slug, title, show_referrers, show_paths, frame_origins, published, created_at, updated_at FROM ghstats.public_dashboards WHERE slug = @slug AND published = 1;

-- Dashboards.Get
SELECT id, tenant_id, slug, title, show_referrers, show_paths, frame_origins, published, created_at, updated_at FROM ghstats.public_dashboards WHERE id = @dashboard_id AND tenant_id = @tenant_id;

-- Dashboards.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.public_dashboards (tenant_id, slug, title, show_referrers, show_paths, frame_origins, published, created_at, updated_at) VALUES (@tenant_id, @slug, @title, @show_referrers, @show_paths, @frame_origins, @published, @created_at, @updated_at));

-- Dashboards.List
SELECT id, tenant_id, slug, title, show_referrers, show_paths, frame_origins, published, created_at, updated_at FROM ghstats.public_dashboards WHERE tenant_id = @tenant_id ORDER BY title, id;

-- Dashboards.ListRepositories
SELECT d.dashboard_id, d.repo_id FROM ghstats.public_dashboard_repositories d JOIN ghstats.public_dashboards p ON p.id = d.dashboard_id JOIN ghstats.repositories r ON r.id = d.repo_id AND r.tenant_id = p.tenant_id WHERE r.removed_at IS NULL AND d.dashboard_id = @dashboard_id ORDER BY d.repo_id;

-- Dashboards.ListTenantRepositories
SELECT d.dashboard_id, d.repo_id FROM ghstats.public_dashboard_repositories d JOIN ghstats.public_dashboards p ON p.id = d.dashboard_id JOIN ghstats.repositories r ON r.id = d.repo_id AND r.tenant_id = p.tenant_id WHERE r.removed_at IS NULL AND p.tenant_id = @tenant_id ORDER BY d.repo_id;

-- Dashboards.RepositoryTracked
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id AND tenant_id = @tenant_id AND removed_at IS NULL;

-- Dashboards.SetPublished
UPDATE ghstats.public_dashboards SET published = @published, updated_at = @updated_at WHERE id = @dashboard_id AND tenant_id = @tenant_id;

-- Dashboards.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Dashboards.Update
UPDATE ghstats.public_dashboards SET title = @title, show_referrers = @show_referrers, show_paths = @show_paths, frame_origins = @frame_origins, published = @published, updated_at = @updated_at WHERE id = @dashboard_id AND tenant_id = @tenant_id;

-- DataProtectionKeys.Delete
DELETE FROM ghstats.data_protection_keys WHERE friendly_name = @friendly_name;

-- DataProtectionKeys.Insert
INSERT INTO ghstats.data_protection_keys (friendly_name, xml) VALUES (@friendly_name, @xml);

-- DataProtectionKeys.List
SELECT friendly_name, xml FROM ghstats.data_protection_keys ORDER BY friendly_name;

-- ETags.List
SELECT repo_id, connection_id, read_name, etag, read_on FROM ghstats.github_etags WHERE repo_id = @repo_id AND connection_id = @connection_id ORDER BY read_name;

-- ETags.Merge[1]
MERGE INTO ghstats.github_etags AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@connection_id_0 AS BIGINT), CAST(@read_name_0 AS VARGRAPHIC(40)), CAST(@etag_0 AS VARGRAPHIC(200)), CAST(@read_on_0 AS DATE))) AS s (repo_id, connection_id, read_name, etag, read_on) ON t.repo_id = s.repo_id AND t.connection_id = s.connection_id AND t.read_name = s.read_name WHEN MATCHED THEN UPDATE SET etag = s.etag, read_on = s.read_on WHEN NOT MATCHED THEN INSERT (repo_id, connection_id, read_name, etag, read_on) VALUES (s.repo_id, s.connection_id, s.read_name, s.etag, s.read_on);

-- ETags.Merge[2]
MERGE INTO ghstats.github_etags AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@connection_id_0 AS BIGINT), CAST(@read_name_0 AS VARGRAPHIC(40)), CAST(@etag_0 AS VARGRAPHIC(200)), CAST(@read_on_0 AS DATE)), (CAST(@repo_id_1 AS BIGINT), CAST(@connection_id_1 AS BIGINT), CAST(@read_name_1 AS VARGRAPHIC(40)), CAST(@etag_1 AS VARGRAPHIC(200)), CAST(@read_on_1 AS DATE))) AS s (repo_id, connection_id, read_name, etag, read_on) ON t.repo_id = s.repo_id AND t.connection_id = s.connection_id AND t.read_name = s.read_name WHEN MATCHED THEN UPDATE SET etag = s.etag, read_on = s.read_on WHEN NOT MATCHED THEN INSERT (repo_id, connection_id, read_name, etag, read_on) VALUES (s.repo_id, s.connection_id, s.read_name, s.etag, s.read_on);

-- ETags.RepositoryExists
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id;

-- Lanes.Claim
UPDATE ghstats.collection_lanes SET status = @claimed, holder = @holder, lease_expires_at = @lease_expires_at, started_at = @started_at WHERE run_id = @run_id AND lane_key = @lane_key AND (status = @pending OR (status = @running AND lease_expires_at <= @now));

-- Lanes.Complete
UPDATE ghstats.collection_lanes SET status = @done, finished_at = @finished_at, repos_ok = @repos_ok, repos_failed = @repos_failed, repos_deferred = @repos_deferred, api_calls = @api_calls, rate_limit = @rate_limit, rate_limit_remaining = @rate_limit_remaining, deferred_because = @deferred_because WHERE run_id = @run_id AND lane_key = @lane_key AND holder = @holder AND status = @running;

-- Lanes.Get
SELECT run_id, lane_key, tenant_id, connection_id, status, holder, lease_expires_at, repos_total, repos_ok, repos_failed, repos_deferred, api_calls, rate_limit, rate_limit_remaining, deferred_because, started_at, finished_at FROM ghstats.collection_lanes WHERE run_id = @run_id AND lane_key = @lane_key;

-- Lanes.HandBack
UPDATE ghstats.collection_lanes SET status = @pending, lease_expires_at = @now, repos_ok = @repos_ok, repos_failed = @repos_failed, repos_deferred = @repos_deferred, api_calls = @api_calls, rate_limit = @rate_limit, rate_limit_remaining = @rate_limit_remaining, deferred_because = @deferred_because WHERE run_id = @run_id AND lane_key = @lane_key AND holder = @holder AND status = @running;

-- Lanes.Insert
INSERT INTO ghstats.collection_lanes (run_id, lane_key, tenant_id, connection_id, status, repos_total, repos_ok, repos_failed, repos_deferred, api_calls) VALUES (@run_id, @lane_key, @tenant_id, @connection_id, @status, @repos_total, 0, 0, 0, 0);

-- Lanes.List
SELECT run_id, lane_key, tenant_id, connection_id, status, holder, lease_expires_at, repos_total, repos_ok, repos_failed, repos_deferred, api_calls, rate_limit, rate_limit_remaining, deferred_because, started_at, finished_at FROM ghstats.collection_lanes WHERE run_id = @run_id ORDER BY lane_key;

-- Lanes.ListClaimable
SELECT run_id, lane_key, tenant_id, connection_id, status, holder, lease_expires_at, repos_total, repos_ok, repos_failed, repos_deferred, api_calls, rate_limit, rate_limit_remaining, deferred_because, started_at, finished_at FROM ghstats.collection_lanes WHERE run_id = @run_id AND (status = @pending OR (status = @running AND lease_expires_at <= @now)) ORDER BY lane_key;

-- Lanes.ListLatestDone
SELECT run_id, lane_key, tenant_id, connection_id, status, holder, lease_expires_at, repos_total, repos_ok, repos_failed, repos_deferred, api_calls, rate_limit, rate_limit_remaining, deferred_because, started_at, finished_at FROM (SELECT run_id, lane_key, tenant_id, connection_id, status, holder, lease_expires_at, repos_total, repos_ok, repos_failed, repos_deferred, api_calls, rate_limit, rate_limit_remaining, deferred_because, started_at, finished_at, ROW_NUMBER() OVER (PARTITION BY connection_id ORDER BY finished_at DESC, run_id DESC) AS newest FROM ghstats.collection_lanes WHERE tenant_id = @tenant_id AND status = @done) latest WHERE newest = 1 ORDER BY finished_at DESC, lane_key;

-- Lanes.Renew
UPDATE ghstats.collection_lanes SET lease_expires_at = @lease_expires_at WHERE run_id = @run_id AND lane_key = @lane_key AND holder = @holder AND status = @running;

-- Lanes.RunExists
SELECT COUNT(*) FROM ghstats.collection_runs WHERE id = @run_id;

-- Lanes.UpdateProgress
UPDATE ghstats.collection_lanes SET repos_ok = @repos_ok, repos_failed = @repos_failed, repos_deferred = @repos_deferred, api_calls = @api_calls, rate_limit = @rate_limit, rate_limit_remaining = @rate_limit_remaining, deferred_because = @deferred_because WHERE run_id = @run_id AND lane_key = @lane_key AND holder = @holder AND status = @running;

-- Leases.Find
SELECT name, holder, expires_at FROM ghstats.leases WHERE name = @name;

-- Leases.Insert
INSERT INTO ghstats.leases (name, holder, expires_at) VALUES (@name, @holder, @expires_at);

-- Leases.Release
DELETE FROM ghstats.leases WHERE name = @name AND holder = @holder;

-- Leases.Renew
UPDATE ghstats.leases SET expires_at = @expires_at WHERE name = @name AND holder = @holder AND expires_at > @now;

-- Leases.TakeOver
UPDATE ghstats.leases SET holder = @holder, expires_at = @expires_at WHERE name = @name AND (holder = @current_holder OR expires_at <= @now);

-- Memberships.DeleteGrant
DELETE FROM ghstats.repo_grants WHERE user_id = @user_id AND repo_id = @repo_id;

-- Memberships.DeleteInvitation
DELETE FROM ghstats.invitations WHERE tenant_id = @tenant_id AND email = @email;

-- Memberships.DeleteMember
DELETE FROM ghstats.memberships WHERE tenant_id = @tenant_id AND user_id = @user_id;

-- Memberships.FindInvitation
SELECT tenant_id, email, role, created_at FROM ghstats.invitations WHERE tenant_id = @tenant_id AND email = @email;

-- Memberships.GrantExists
SELECT COUNT(*) FROM ghstats.repo_grants WHERE user_id = @user_id AND repo_id = @repo_id;

-- Memberships.InsertGrant
INSERT INTO ghstats.repo_grants (user_id, repo_id) VALUES (@user_id, @repo_id);

-- Memberships.InsertInvitation
INSERT INTO ghstats.invitations (tenant_id, email, role, created_at) VALUES (@tenant_id, @email, @role, @created_at);

-- Memberships.InsertMember
INSERT INTO ghstats.memberships (tenant_id, user_id, role) VALUES (@tenant_id, @user_id, @role);

-- Memberships.InvitationsForEmail
SELECT tenant_id, email, role, created_at FROM ghstats.invitations WHERE email = @email ORDER BY tenant_id;

-- Memberships.ListGrants
SELECT user_id, repo_id FROM ghstats.repo_grants WHERE user_id = @user_id ORDER BY repo_id;

-- Memberships.ListInvitations
SELECT tenant_id, email, role, created_at FROM ghstats.invitations WHERE tenant_id = @tenant_id ORDER BY email;

-- Memberships.ListMembers
SELECT u.id, u.issuer, u.subject, u.email, u.display_name, u.created_at, u.last_login_at, u.language, m.role FROM ghstats.memberships m JOIN ghstats.users u ON u.id = m.user_id WHERE m.tenant_id = @tenant_id ORDER BY CASE WHEN u.email IS NULL THEN 1 ELSE 0 END, u.email, u.id;

-- Memberships.ListMemberships
SELECT tenant_id, user_id, role FROM ghstats.memberships WHERE user_id = @user_id ORDER BY tenant_id;

-- Memberships.MemberRole
SELECT role FROM ghstats.memberships WHERE tenant_id = @tenant_id AND user_id = @user_id;

-- Memberships.RepositoryExists
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id;

-- Memberships.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Memberships.UpdateInvitation
UPDATE ghstats.invitations SET role = @role WHERE tenant_id = @tenant_id AND email = @email;

-- Memberships.UpdateMember
UPDATE ghstats.memberships SET role = @role WHERE tenant_id = @tenant_id AND user_id = @user_id;

-- Memberships.UserExists
SELECT COUNT(*) FROM ghstats.users WHERE id = @user_id;

-- Notifications.ChannelNameTaken
SELECT COUNT(*) FROM ghstats.notification_channels WHERE tenant_id = @tenant_id AND name = @name;

-- Notifications.Claim
UPDATE ghstats.notification_outbox SET claimed_by = @holder, claimed_until = @lease_until WHERE id = @message_id AND state = @pending AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @claims_lapsed_at);

-- Notifications.ConditionOpen
SELECT COUNT(*) FROM ghstats.notification_conditions WHERE tenant_id = @tenant_id AND condition_key = @condition_key;

-- Notifications.DeleteChannel
DELETE FROM ghstats.notification_channels WHERE tenant_id = @tenant_id AND id = @channel_id;

-- Notifications.DeleteChannelMessages
DELETE FROM ghstats.notification_outbox WHERE channel_id = @channel_id;

-- Notifications.DeleteCondition
DELETE FROM ghstats.notification_conditions WHERE tenant_id = @tenant_id AND condition_key = @condition_key;

-- Notifications.DeleteSubscription
DELETE FROM ghstats.notification_subscriptions WHERE user_id = @user_id AND tenant_id = @tenant_id;

-- Notifications.EventKeyTaken
SELECT COUNT(*) FROM ghstats.notification_events WHERE tenant_id = @tenant_id AND event_key = @event_key;

-- Notifications.GetChannel
SELECT id, tenant_id, name, kind, topics, recipients, protected_secret, created_at, created_by, language FROM ghstats.notification_channels WHERE tenant_id = @tenant_id AND id = @channel_id;

-- Notifications.GetMessage
SELECT o.id, o.event_id, o.tenant_id, e.kind, e.payload, e.occurred_at, o.channel_id, o.user_id, o.attempts, o.next_attempt_at, o.state FROM ghstats.notification_outbox o JOIN ghstats.notification_events e ON e.id = o.event_id WHERE o.id = @message_id;

-- Notifications.GetSubscription
SELECT user_id, tenant_id, topics, created_at FROM ghstats.notification_subscriptions WHERE user_id = @user_id AND tenant_id = @tenant_id;

-- Notifications.InsertChannel
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.notification_channels (tenant_id, name, kind, topics, recipients, protected_secret, created_at, created_by, language) VALUES (@tenant_id, @name, @kind, @topics, @recipients, @protected_secret, @created_at, @created_by, @language));

-- Notifications.InsertCondition
INSERT INTO ghstats.notification_conditions (tenant_id, condition_key, opened_at, summary) VALUES (@tenant_id, @condition_key, @opened_at, @summary);

-- Notifications.InsertDelivery
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.notification_deliveries (message_id, event_id, tenant_id, channel_id, user_id, kind, attempt, attempted_at, succeeded, outcome, will_retry) VALUES (@message_id, @event_id, @tenant_id, @channel_id, @user_id, @kind, @attempt, @attempted_at, @succeeded, @outcome, @will_retry));

-- Notifications.InsertEvent
INSERT INTO ghstats.notification_events (id, tenant_id, kind, topic, event_key, payload, occurred_at) VALUES (@event_id, @tenant_id, @kind, @topic, @event_key, @payload, @occurred_at);

-- Notifications.InsertMessage
INSERT INTO ghstats.notification_outbox (event_id, tenant_id, channel_id, user_id, state, attempts, next_attempt_at) VALUES (@event_id, @tenant_id, @channel_id, @user_id, @state, 0, @next_attempt_at);

-- Notifications.InsertSubscription
INSERT INTO ghstats.notification_subscriptions (user_id, tenant_id, topics, created_at) VALUES (@user_id, @tenant_id, @topics, @created_at);

-- Notifications.ListChannelDeliveries[50]
SELECT id, message_id, event_id, tenant_id, channel_id, user_id, kind, attempt, attempted_at, succeeded, outcome, will_retry FROM ghstats.notification_deliveries WHERE tenant_id = @tenant_id AND channel_id = @channel_id AND id < @before_id ORDER BY id DESC FETCH FIRST 50 ROWS ONLY;

-- Notifications.ListChannels
SELECT id, tenant_id, name, kind, topics, recipients, protected_secret, created_at, created_by, language FROM ghstats.notification_channels WHERE tenant_id = @tenant_id ORDER BY name, id;

-- Notifications.ListChannelsForTopic
SELECT id, tenant_id, name, kind, topics, recipients, protected_secret, created_at, created_by, language FROM ghstats.notification_channels WHERE tenant_id = @tenant_id AND topics / @topic - 2 * (topics / @topic_above) = 1 ORDER BY id;

-- Notifications.ListClaimed
SELECT o.id, o.event_id, o.tenant_id, e.kind, e.payload, e.occurred_at, o.channel_id, o.user_id, o.attempts, o.next_attempt_at FROM ghstats.notification_outbox o JOIN ghstats.notification_events e ON e.id = o.event_id WHERE o.claimed_by = @holder AND o.id >= @first_id AND o.id <= @last_id ORDER BY o.next_attempt_at, o.id;

-- Notifications.ListConditions
SELECT tenant_id, condition_key, opened_at, summary FROM ghstats.notification_conditions ORDER BY tenant_id, opened_at, condition_key;

-- Notifications.ListDeliveries[50]
SELECT id, message_id, event_id, tenant_id, channel_id, user_id, kind, attempt, attempted_at, succeeded, outcome, will_retry FROM ghstats.notification_deliveries WHERE tenant_id = @tenant_id AND id < @before_id ORDER BY id DESC FETCH FIRST 50 ROWS ONLY;

-- Notifications.ListDue[50]
SELECT id FROM ghstats.notification_outbox WHERE state = @pending AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @claims_lapsed_at) ORDER BY next_attempt_at, id FETCH FIRST 50 ROWS ONLY;

-- Notifications.ListSubscribers
SELECT user_id, tenant_id, topics, created_at FROM ghstats.notification_subscriptions WHERE tenant_id = @tenant_id AND topics / @topic - 2 * (topics / @topic_above) = 1 ORDER BY user_id;

-- Notifications.ListSubscriptions
SELECT user_id, tenant_id, topics, created_at FROM ghstats.notification_subscriptions WHERE user_id = @user_id ORDER BY tenant_id;

-- Notifications.ListTenantConditions
SELECT tenant_id, condition_key, opened_at, summary FROM ghstats.notification_conditions WHERE tenant_id = @tenant_id ORDER BY opened_at, condition_key;

-- Notifications.Settle
UPDATE ghstats.notification_outbox SET state = @state, attempts = @attempts, next_attempt_at = @next_attempt_at, claimed_by = NULL, claimed_until = NULL WHERE id = @message_id;

-- Notifications.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Notifications.UpdateSubscription
UPDATE ghstats.notification_subscriptions SET topics = @topics WHERE user_id = @user_id AND tenant_id = @tenant_id;

-- Notifications.UserExists
SELECT COUNT(*) FROM ghstats.users WHERE id = @user_id;

-- Owners.ConnectionInTenant
SELECT COUNT(*) FROM ghstats.github_connections WHERE id = @connection_id AND tenant_id = @tenant_id;

-- Owners.Delete
DELETE FROM ghstats.tracked_owners WHERE id = @owner_id AND tenant_id = @tenant_id;

-- Owners.FindByOwner
SELECT id, tenant_id, connection_id, owner, include_patterns, exclude_patterns, skip_forks, skip_archived, added_at FROM ghstats.tracked_owners WHERE tenant_id = @tenant_id AND LOWER(owner) = @owner;

-- Owners.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.tracked_owners (tenant_id, connection_id, owner, include_patterns, exclude_patterns, skip_forks, skip_archived, added_at) VALUES (@tenant_id, @connection_id, @owner, @include_patterns, @exclude_patterns, @skip_forks, @skip_archived, @added_at));

-- Owners.List
SELECT id, tenant_id, connection_id, owner, include_patterns, exclude_patterns, skip_forks, skip_archived, added_at FROM ghstats.tracked_owners WHERE tenant_id = @tenant_id ORDER BY owner;

-- Owners.ListAll
SELECT id, tenant_id, connection_id, owner, include_patterns, exclude_patterns, skip_forks, skip_archived, added_at FROM ghstats.tracked_owners ORDER BY tenant_id, owner;

-- Owners.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Releases.All
SELECT repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on FROM ghstats.releases WHERE repo_id = @repo_id ORDER BY published_on, github_release_id;

-- Releases.AssetSnapshots
SELECT asset_id, captured_on, github_release_id, created_on, download_count FROM ghstats.release_asset_snapshots WHERE repo_id = @repo_id ORDER BY asset_id, captured_on;

-- Releases.AssetSnapshotsCaptured
SELECT repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count FROM ghstats.release_asset_snapshots WHERE repo_id = @repo_id AND captured_on >= @from_day AND captured_on <= @to_day ORDER BY captured_on, asset_id;

-- Releases.LastRead
SELECT MAX(read_on) AS last_read_on FROM ghstats.release_reads WHERE repo_id = @repo_id;

-- Releases.MergeAssets[1]
MERGE INTO ghstats.release_asset_snapshots AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@asset_id_0 AS BIGINT), CAST(@captured_on_0 AS DATE), CAST(@github_release_id_0 AS BIGINT), CAST(@asset_name_0 AS VARGRAPHIC(255)), CAST(@created_on_0 AS DATE), CAST(@download_count_0 AS BIGINT))) AS s (repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count) ON t.repo_id = s.repo_id AND t.asset_id = s.asset_id AND t.captured_on = s.captured_on WHEN MATCHED THEN UPDATE SET github_release_id = s.github_release_id, asset_name = s.asset_name, created_on = s.created_on, download_count = GREATEST(t.download_count, s.download_count) WHEN NOT MATCHED THEN INSERT (repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count) VALUES (s.repo_id, s.asset_id, s.captured_on, s.github_release_id, s.asset_name, s.created_on, s.download_count);

-- Releases.MergeAssets[2]
MERGE INTO ghstats.release_asset_snapshots AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@asset_id_0 AS BIGINT), CAST(@captured_on_0 AS DATE), CAST(@github_release_id_0 AS BIGINT), CAST(@asset_name_0 AS VARGRAPHIC(255)), CAST(@created_on_0 AS DATE), CAST(@download_count_0 AS BIGINT)), (CAST(@repo_id_1 AS BIGINT), CAST(@asset_id_1 AS BIGINT), CAST(@captured_on_1 AS DATE), CAST(@github_release_id_1 AS BIGINT), CAST(@asset_name_1 AS VARGRAPHIC(255)), CAST(@created_on_1 AS DATE), CAST(@download_count_1 AS BIGINT))) AS s (repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count) ON t.repo_id = s.repo_id AND t.asset_id = s.asset_id AND t.captured_on = s.captured_on WHEN MATCHED THEN UPDATE SET github_release_id = s.github_release_id, asset_name = s.asset_name, created_on = s.created_on, download_count = GREATEST(t.download_count, s.download_count) WHEN NOT MATCHED THEN INSERT (repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count) VALUES (s.repo_id, s.asset_id, s.captured_on, s.github_release_id, s.asset_name, s.created_on, s.download_count);

-- Releases.MergeReads[1]
MERGE INTO ghstats.release_reads AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@read_on_0 AS DATE), CAST(@releases_0 AS INTEGER))) AS s (repo_id, read_on, releases) ON t.repo_id = s.repo_id AND t.read_on = s.read_on WHEN MATCHED THEN UPDATE SET releases = GREATEST(t.releases, s.releases) WHEN NOT MATCHED THEN INSERT (repo_id, read_on, releases) VALUES (s.repo_id, s.read_on, s.releases);

-- Releases.MergeReads[2]
MERGE INTO ghstats.release_reads AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@read_on_0 AS DATE), CAST(@releases_0 AS INTEGER)), (CAST(@repo_id_1 AS BIGINT), CAST(@read_on_1 AS DATE), CAST(@releases_1 AS INTEGER))) AS s (repo_id, read_on, releases) ON t.repo_id = s.repo_id AND t.read_on = s.read_on WHEN MATCHED THEN UPDATE SET releases = GREATEST(t.releases, s.releases) WHEN NOT MATCHED THEN INSERT (repo_id, read_on, releases) VALUES (s.repo_id, s.read_on, s.releases);

-- Releases.MergeReleases[1]
MERGE INTO ghstats.releases AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@github_release_id_0 AS BIGINT), CAST(@tag_0 AS VARGRAPHIC(255)), CAST(@name_0 AS VARGRAPHIC(400)), CAST(@published_on_0 AS DATE), CAST(@prerelease_0 AS INTEGER), CAST(@last_seen_on_0 AS DATE))) AS s (repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on) ON t.repo_id = s.repo_id AND t.github_release_id = s.github_release_id WHEN MATCHED THEN UPDATE SET tag = s.tag, name = s.name, published_on = s.published_on, prerelease = s.prerelease, last_seen_on = GREATEST(t.last_seen_on, s.last_seen_on) WHEN NOT MATCHED THEN INSERT (repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on) VALUES (s.repo_id, s.github_release_id, s.tag, s.name, s.published_on, s.prerelease, s.last_seen_on);

-- Releases.MergeReleases[2]
MERGE INTO ghstats.releases AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@github_release_id_0 AS BIGINT), CAST(@tag_0 AS VARGRAPHIC(255)), CAST(@name_0 AS VARGRAPHIC(400)), CAST(@published_on_0 AS DATE), CAST(@prerelease_0 AS INTEGER), CAST(@last_seen_on_0 AS DATE)), (CAST(@repo_id_1 AS BIGINT), CAST(@github_release_id_1 AS BIGINT), CAST(@tag_1 AS VARGRAPHIC(255)), CAST(@name_1 AS VARGRAPHIC(400)), CAST(@published_on_1 AS DATE), CAST(@prerelease_1 AS INTEGER), CAST(@last_seen_on_1 AS DATE))) AS s (repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on) ON t.repo_id = s.repo_id AND t.github_release_id = s.github_release_id WHEN MATCHED THEN UPDATE SET tag = s.tag, name = s.name, published_on = s.published_on, prerelease = s.prerelease, last_seen_on = GREATEST(t.last_seen_on, s.last_seen_on) WHEN NOT MATCHED THEN INSERT (repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on) VALUES (s.repo_id, s.github_release_id, s.tag, s.name, s.published_on, s.prerelease, s.last_seen_on);

-- Releases.MergeRestoredAssets[1]
MERGE INTO ghstats.release_asset_snapshots AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@asset_id_0 AS BIGINT), CAST(@captured_on_0 AS DATE), CAST(@github_release_id_0 AS BIGINT), CAST(@asset_name_0 AS VARGRAPHIC(255)), CAST(@created_on_0 AS DATE), CAST(@download_count_0 AS BIGINT))) AS s (repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count) ON t.repo_id = s.repo_id AND t.asset_id = s.asset_id AND t.captured_on = s.captured_on WHEN MATCHED THEN UPDATE SET download_count = GREATEST(t.download_count, s.download_count) WHEN NOT MATCHED THEN INSERT (repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count) VALUES (s.repo_id, s.asset_id, s.captured_on, s.github_release_id, s.asset_name, s.created_on, s.download_count);

-- Releases.MergeRestoredAssets[2]
MERGE INTO ghstats.release_asset_snapshots AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@asset_id_0 AS BIGINT), CAST(@captured_on_0 AS DATE), CAST(@github_release_id_0 AS BIGINT), CAST(@asset_name_0 AS VARGRAPHIC(255)), CAST(@created_on_0 AS DATE), CAST(@download_count_0 AS BIGINT)), (CAST(@repo_id_1 AS BIGINT), CAST(@asset_id_1 AS BIGINT), CAST(@captured_on_1 AS DATE), CAST(@github_release_id_1 AS BIGINT), CAST(@asset_name_1 AS VARGRAPHIC(255)), CAST(@created_on_1 AS DATE), CAST(@download_count_1 AS BIGINT))) AS s (repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count) ON t.repo_id = s.repo_id AND t.asset_id = s.asset_id AND t.captured_on = s.captured_on WHEN MATCHED THEN UPDATE SET download_count = GREATEST(t.download_count, s.download_count) WHEN NOT MATCHED THEN INSERT (repo_id, asset_id, captured_on, github_release_id, asset_name, created_on, download_count) VALUES (s.repo_id, s.asset_id, s.captured_on, s.github_release_id, s.asset_name, s.created_on, s.download_count);

-- Releases.MergeRestoredReleases[1]
MERGE INTO ghstats.releases AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@github_release_id_0 AS BIGINT), CAST(@tag_0 AS VARGRAPHIC(255)), CAST(@name_0 AS VARGRAPHIC(400)), CAST(@published_on_0 AS DATE), CAST(@prerelease_0 AS INTEGER), CAST(@last_seen_on_0 AS DATE))) AS s (repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on) ON t.repo_id = s.repo_id AND t.github_release_id = s.github_release_id WHEN MATCHED THEN UPDATE SET last_seen_on = GREATEST(t.last_seen_on, s.last_seen_on) WHEN NOT MATCHED THEN INSERT (repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on) VALUES (s.repo_id, s.github_release_id, s.tag, s.name, s.published_on, s.prerelease, s.last_seen_on);

-- Releases.MergeRestoredReleases[2]
MERGE INTO ghstats.releases AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@github_release_id_0 AS BIGINT), CAST(@tag_0 AS VARGRAPHIC(255)), CAST(@name_0 AS VARGRAPHIC(400)), CAST(@published_on_0 AS DATE), CAST(@prerelease_0 AS INTEGER), CAST(@last_seen_on_0 AS DATE)), (CAST(@repo_id_1 AS BIGINT), CAST(@github_release_id_1 AS BIGINT), CAST(@tag_1 AS VARGRAPHIC(255)), CAST(@name_1 AS VARGRAPHIC(400)), CAST(@published_on_1 AS DATE), CAST(@prerelease_1 AS INTEGER), CAST(@last_seen_on_1 AS DATE))) AS s (repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on) ON t.repo_id = s.repo_id AND t.github_release_id = s.github_release_id WHEN MATCHED THEN UPDATE SET last_seen_on = GREATEST(t.last_seen_on, s.last_seen_on) WHEN NOT MATCHED THEN INSERT (repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on) VALUES (s.repo_id, s.github_release_id, s.tag, s.name, s.published_on, s.prerelease, s.last_seen_on);

-- Releases.Published
SELECT repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on FROM ghstats.releases WHERE repo_id = @repo_id AND published_on >= @from_day AND published_on <= @to_day ORDER BY published_on, github_release_id;

-- Releases.PublishedStored
SELECT repo_id, github_release_id, tag, name, published_on, prerelease, last_seen_on FROM ghstats.releases WHERE repo_id = @repo_id AND published_on >= @from_day AND published_on <= @to_day ORDER BY published_on, github_release_id;

-- Releases.ReadDays
SELECT read_on FROM ghstats.release_reads WHERE repo_id = @repo_id ORDER BY read_on;

-- Releases.ReadDaysIn
SELECT repo_id, read_on, releases FROM ghstats.release_reads WHERE repo_id = @repo_id AND read_on >= @from_day AND read_on <= @to_day ORDER BY read_on;

-- Releases.RepositoryExists
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id;

-- Releases.RepositoryInTenant
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id AND tenant_id = @tenant_id;

-- Repositories.ConnectionInTenant
SELECT COUNT(*) FROM ghstats.github_connections WHERE id = @connection_id AND tenant_id = @tenant_id;

-- Repositories.Find
SELECT id, tenant_id, connection_id, owner, name, github_id, added_at, removed_at, last_collected_at, last_status, weekly_collected_on, last_daily_read_on, badges_enabled, daily_collected_on FROM ghstats.repositories WHERE id = @repo_id;

-- Repositories.FindByName
SELECT id, tenant_id, connection_id, owner, name, github_id, added_at, removed_at, last_collected_at, last_status, weekly_collected_on, last_daily_read_on, badges_enabled, daily_collected_on FROM ghstats.repositories WHERE tenant_id = @tenant_id AND LOWER(owner) = @owner AND LOWER(name) = @name;

-- Repositories.Get
SELECT id, tenant_id, connection_id, owner, name, github_id, added_at, removed_at, last_collected_at, last_status, weekly_collected_on, last_daily_read_on, badges_enabled, daily_collected_on FROM ghstats.repositories WHERE id = @repo_id AND tenant_id = @tenant_id;

-- Repositories.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.repositories (tenant_id, connection_id, owner, name, added_at) VALUES (@tenant_id, @connection_id, @owner, @name, @added_at));

-- Repositories.LeaveDashboards
DELETE FROM ghstats.public_dashboard_repositories WHERE repo_id = @repo_id;

-- Repositories.ListActive
SELECT id, tenant_id, connection_id, owner, name, github_id, added_at, removed_at, last_collected_at, last_status, weekly_collected_on, last_daily_read_on, badges_enabled, daily_collected_on FROM ghstats.repositories WHERE tenant_id = @tenant_id AND removed_at IS NULL ORDER BY owner, name;

-- Repositories.ListAll
SELECT id, tenant_id, connection_id, owner, name, github_id, added_at, removed_at, last_collected_at, last_status, weekly_collected_on, last_daily_read_on, badges_enabled, daily_collected_on FROM ghstats.repositories WHERE tenant_id = @tenant_id ORDER BY owner, name;

-- Repositories.ListTracked
SELECT id, tenant_id, connection_id, owner, name, github_id, added_at, removed_at, last_collected_at, last_status, weekly_collected_on, last_daily_read_on, badges_enabled, daily_collected_on FROM ghstats.repositories WHERE removed_at IS NULL ORDER BY tenant_id, owner, name;

-- Repositories.MarkRemoved
UPDATE ghstats.repositories SET removed_at = @removed_at WHERE id = @repo_id AND removed_at IS NULL;

-- Repositories.PurgeAnnotations
DELETE FROM ghstats.annotations WHERE repo_id = @repo_id;

-- Repositories.PurgeETags
DELETE FROM ghstats.github_etags WHERE repo_id = @repo_id;

-- Repositories.PurgeErrors
DELETE FROM ghstats.collection_errors WHERE repo_id = @repo_id;

-- Repositories.PurgeGrants
DELETE FROM ghstats.repo_grants WHERE repo_id = @repo_id;

-- Repositories.PurgePaths
DELETE FROM ghstats.path_snapshots WHERE repo_id = @repo_id;

-- Repositories.PurgeReferrers
DELETE FROM ghstats.referrer_snapshots WHERE repo_id = @repo_id;

-- Repositories.PurgeReleaseAssetSnapshots
DELETE FROM ghstats.release_asset_snapshots WHERE repo_id = @repo_id;

-- Repositories.PurgeReleaseReads
DELETE FROM ghstats.release_reads WHERE repo_id = @repo_id;

-- Repositories.PurgeReleases
DELETE FROM ghstats.releases WHERE repo_id = @repo_id;

-- Repositories.PurgeRepository
DELETE FROM ghstats.repositories WHERE id = @repo_id;

-- Repositories.PurgeStarBackfill
DELETE FROM ghstats.star_backfills WHERE repo_id = @repo_id;

-- Repositories.PurgeStarHistory
DELETE FROM ghstats.star_history_daily WHERE repo_id = @repo_id;

-- Repositories.PurgeStats
DELETE FROM ghstats.repo_daily_stats WHERE repo_id = @repo_id;

-- Repositories.PurgeTrafficDaily
DELETE FROM ghstats.traffic_daily WHERE repo_id = @repo_id;

-- Repositories.PurgeTrafficRollups
DELETE FROM ghstats.traffic_rollups WHERE repo_id = @repo_id;

-- Repositories.PurgeTrafficWeekly
DELETE FROM ghstats.traffic_weekly WHERE repo_id = @repo_id;

-- Repositories.Reactivate
UPDATE ghstats.repositories SET removed_at = NULL, added_at = @added_at, connection_id = @connection_id, owner = @owner, name = @name WHERE id = @repo_id;

-- Repositories.RecordCollection
UPDATE ghstats.repositories SET last_collected_at = @collected_at, last_status = @status, github_id = COALESCE(CAST(@github_id AS BIGINT), github_id) WHERE id = @repo_id;

-- Repositories.RecordDailyCollection
UPDATE ghstats.repositories SET daily_collected_on = @daily_collected_on WHERE id = @repo_id;

-- Repositories.RecordWeeklyCollection
UPDATE ghstats.repositories SET weekly_collected_on = @weekly_collected_on WHERE id = @repo_id;

-- Repositories.SetBadges
UPDATE ghstats.repositories SET badges_enabled = @badges_enabled WHERE id = @repo_id AND tenant_id = @tenant_id;

-- Repositories.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Runs.Exists
SELECT COUNT(*) FROM ghstats.collection_runs WHERE id = @run_id;

-- Runs.Finish
UPDATE ghstats.collection_runs SET status = @status, finished_at = @finished_at, repos_total = @repos_total, repos_ok = @repos_ok, repos_failed = @repos_failed, api_calls = @api_calls, rate_limit_remaining = @rate_limit_remaining WHERE id = @run_id AND finished_at IS NULL;

-- Runs.Get
SELECT id, run_trigger, requested_by, tenant_id, started_at, finished_at, status, repos_total, repos_ok, repos_failed, api_calls, rate_limit_remaining FROM ghstats.collection_runs WHERE id = @run_id;

-- Runs.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.collection_runs (run_trigger, requested_by, tenant_id, started_at, status, repos_total, repos_ok, repos_failed, api_calls) VALUES (@run_trigger, @requested_by, @tenant_id, @started_at, @status, 0, 0, 0, 0));

-- Runs.InsertError
INSERT INTO ghstats.collection_errors (run_id, repo_id, kind, message, occurred_at) VALUES (@run_id, @repo_id, @kind, @message, @occurred_at);

-- Runs.ListActive
SELECT id, run_trigger, requested_by, tenant_id, started_at, finished_at, status, repos_total, repos_ok, repos_failed, api_calls, rate_limit_remaining FROM ghstats.collection_runs WHERE status = @running OR status = @queued ORDER BY started_at, id;

-- Runs.ListErrors
SELECT run_id, repo_id, kind, message, occurred_at FROM ghstats.collection_errors WHERE run_id = @run_id ORDER BY id;

-- Runs.ListLatest[50]
SELECT id, run_trigger, requested_by, tenant_id, started_at, finished_at, status, repos_total, repos_ok, repos_failed, api_calls, rate_limit_remaining FROM ghstats.collection_runs ORDER BY started_at DESC, id DESC FETCH FIRST 50 ROWS ONLY;

-- Runs.ListRunning
SELECT id, run_trigger, requested_by, tenant_id, started_at, finished_at, status, repos_total, repos_ok, repos_failed, api_calls, rate_limit_remaining FROM ghstats.collection_runs WHERE status = @status ORDER BY started_at, id;

-- Runs.StartQueued
UPDATE ghstats.collection_runs SET status = @running, started_at = @started_at WHERE id = @run_id AND status = @queued;

-- Runs.UpdateProgress
UPDATE ghstats.collection_runs SET repos_total = @repos_total, repos_ok = @repos_ok, repos_failed = @repos_failed, api_calls = @api_calls, rate_limit_remaining = @rate_limit_remaining WHERE id = @run_id;

-- StarHistory.CarriedIn
SELECT repo_id, day, stars FROM ghstats.star_history_daily WHERE repo_id = @repo_id AND day = (SELECT MAX(x.day) FROM ghstats.star_history_daily x WHERE x.repo_id = @repo_id_again AND x.day < @from_day);

-- StarHistory.Days
SELECT repo_id, day, stars FROM ghstats.star_history_daily WHERE repo_id = @repo_id AND day >= @from_day AND day <= @to_day ORDER BY day;

-- StarHistory.GetBackfill
SELECT repo_id, state, next_page, stars_read, first_star_on, known_through, refused_because, updated_at FROM ghstats.star_backfills WHERE repo_id = @repo_id;

-- StarHistory.InsertBackfill
INSERT INTO ghstats.star_backfills (repo_id, state, next_page, stars_read, first_star_on, known_through, refused_because, updated_at) VALUES (@repo_id, @state, @next_page, @stars_read, @first_star_on, @known_through, @refused_because, @updated_at);

-- StarHistory.MergeDays[1]
MERGE INTO ghstats.star_history_daily AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@day_0 AS DATE), CAST(@stars_0 AS INTEGER))) AS s (repo_id, day, stars) ON t.repo_id = s.repo_id AND t.day = s.day WHEN MATCHED THEN UPDATE SET stars = GREATEST(t.stars, s.stars) WHEN NOT MATCHED THEN INSERT (repo_id, day, stars) VALUES (s.repo_id, s.day, s.stars);

-- StarHistory.MergeDays[2]
MERGE INTO ghstats.star_history_daily AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@day_0 AS DATE), CAST(@stars_0 AS INTEGER)), (CAST(@repo_id_1 AS BIGINT), CAST(@day_1 AS DATE), CAST(@stars_1 AS INTEGER))) AS s (repo_id, day, stars) ON t.repo_id = s.repo_id AND t.day = s.day WHEN MATCHED THEN UPDATE SET stars = GREATEST(t.stars, s.stars) WHEN NOT MATCHED THEN INSERT (repo_id, day, stars) VALUES (s.repo_id, s.day, s.stars);

-- StarHistory.RepositoryExists
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id;

-- StarHistory.RepositoryInTenant
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id AND tenant_id = @tenant_id;

-- StarHistory.TrackingFrom
SELECT MIN(day) AS tracking_from FROM ghstats.repo_daily_stats WHERE repo_id = @repo_id;

-- StarHistory.UpdateBackfill
UPDATE ghstats.star_backfills SET state = @state, next_page = @next_page, stars_read = @stars_read, first_star_on = @first_star_on, known_through = @known_through, refused_because = @refused_because, updated_at = @updated_at WHERE repo_id = @repo_id;

-- Tenants.DeleteAnnotations
DELETE FROM ghstats.annotations WHERE tenant_id = @tenant_id;

-- Tenants.DeleteConnections
DELETE FROM ghstats.github_connections WHERE tenant_id = @tenant_id;

-- Tenants.DeleteDashboardRepositories
DELETE FROM ghstats.public_dashboard_repositories WHERE dashboard_id IN (SELECT id FROM ghstats.public_dashboards WHERE tenant_id = @tenant_id);

-- Tenants.DeleteDashboards
DELETE FROM ghstats.public_dashboards WHERE tenant_id = @tenant_id;

-- Tenants.DeleteETags
DELETE FROM ghstats.github_etags WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteErrors
DELETE FROM ghstats.collection_errors WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteGrants
DELETE FROM ghstats.repo_grants WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteInvitations
DELETE FROM ghstats.invitations WHERE tenant_id = @tenant_id;

-- Tenants.DeleteMemberships
DELETE FROM ghstats.memberships WHERE tenant_id = @tenant_id;

-- Tenants.DeleteNotificationChannels
DELETE FROM ghstats.notification_channels WHERE tenant_id = @tenant_id;

-- Tenants.DeleteNotificationConditions
DELETE FROM ghstats.notification_conditions WHERE tenant_id = @tenant_id;

-- Tenants.DeleteNotificationDeliveries
DELETE FROM ghstats.notification_deliveries WHERE tenant_id = @tenant_id;

-- Tenants.DeleteNotificationEvents
DELETE FROM ghstats.notification_events WHERE tenant_id = @tenant_id;

-- Tenants.DeleteNotificationOutbox
DELETE FROM ghstats.notification_outbox WHERE tenant_id = @tenant_id;

-- Tenants.DeleteNotificationSubscriptions
DELETE FROM ghstats.notification_subscriptions WHERE tenant_id = @tenant_id;

-- Tenants.DeletePaths
DELETE FROM ghstats.path_snapshots WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteReferrers
DELETE FROM ghstats.referrer_snapshots WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteReleaseAssetSnapshots
DELETE FROM ghstats.release_asset_snapshots WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteReleaseReads
DELETE FROM ghstats.release_reads WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteReleases
DELETE FROM ghstats.releases WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteRepositories
DELETE FROM ghstats.repositories WHERE tenant_id = @tenant_id;

-- Tenants.DeleteStarBackfills
DELETE FROM ghstats.star_backfills WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteStarHistory
DELETE FROM ghstats.star_history_daily WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteStats
DELETE FROM ghstats.repo_daily_stats WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteTenant
DELETE FROM ghstats.tenants WHERE id = @tenant_id;

-- Tenants.DeleteTrackedOwners
DELETE FROM ghstats.tracked_owners WHERE tenant_id = @tenant_id;

-- Tenants.DeleteTrafficDaily
DELETE FROM ghstats.traffic_daily WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteTrafficRollups
DELETE FROM ghstats.traffic_rollups WHERE tenant_id = @tenant_id;

-- Tenants.DeleteTrafficWeekly
DELETE FROM ghstats.traffic_weekly WHERE repo_id IN (SELECT id FROM ghstats.repositories WHERE tenant_id = @tenant_id);

-- Tenants.DeleteTransferJobs
DELETE FROM ghstats.transfer_jobs WHERE tenant_id = @tenant_id;

-- Tenants.FindBySlug
SELECT id, slug, name, created_at FROM ghstats.tenants WHERE slug = @slug;

-- Tenants.Get
SELECT id, slug, name, created_at FROM ghstats.tenants WHERE id = @tenant_id;

-- Tenants.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.tenants (slug, name, created_at) VALUES (@slug, @name, @created_at));

-- Tenants.List
SELECT id, slug, name, created_at FROM ghstats.tenants ORDER BY slug;

-- Tenants.Rename
UPDATE ghstats.tenants SET name = @name WHERE id = @tenant_id;

-- Tokens.FindByHash
SELECT id, user_id, name, token_hash, created_at, last_used_at, expires_at, revoked_at FROM ghstats.api_tokens WHERE token_hash = @token_hash;

-- Tokens.HashExists
SELECT COUNT(*) FROM ghstats.api_tokens WHERE token_hash = @token_hash;

-- Tokens.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES (@user_id, @name, @token_hash, @created_at, @expires_at));

-- Tokens.List
SELECT id, user_id, name, token_hash, created_at, last_used_at, expires_at, revoked_at FROM ghstats.api_tokens WHERE user_id = @user_id ORDER BY created_at DESC, id DESC;

-- Tokens.RecordUse
UPDATE ghstats.api_tokens SET last_used_at = @last_used_at WHERE id = @token_id;

-- Tokens.Revoke
UPDATE ghstats.api_tokens SET revoked_at = @revoked_at WHERE id = @token_id AND user_id = @user_id AND revoked_at IS NULL;

-- Tokens.UserExists
SELECT COUNT(*) FROM ghstats.users WHERE id = @user_id;

-- Traffic.LockRepository
SELECT tenant_id FROM ghstats.repositories WHERE id = @repo_id WITH RS USE AND KEEP EXCLUSIVE LOCKS;

-- Traffic.MergeDayBlocks[1]
MERGE INTO ghstats.traffic_rollups AS t USING (VALUES (CAST(@tenant_id_0 AS BIGINT), CAST(@span_0 AS INTEGER), CAST(@block_start_0 AS INTEGER), CAST(@repo_id_0 AS BIGINT), CAST(@views_0 AS BIGINT), CAST(@clones_0 AS BIGINT), CAST(@peak_unique_views_0 AS INTEGER), CAST(@peak_unique_clones_0 AS INTEGER), CAST(@days_0 AS INTEGER), CAST(@partial_days_0 AS INTEGER), CAST(@day0_views_0 AS INTEGER), CAST(@day0_unique_views_0 AS INTEGER), CAST(@day0_clones_0 AS INTEGER), CAST(@day0_unique_clones_0 AS INTEGER), CAST(@day0_coverage_0 AS INTEGER), CAST(@day1_views_0 AS INTEGER), CAST(@day1_unique_views_0 AS INTEGER), CAST(@day1_clones_0 AS INTEGER), CAST(@day1_unique_clones_0 AS INTEGER), CAST(@day1_coverage_0 AS INTEGER), CAST(@day2_views_0 AS INTEGER), CAST(@day2_unique_views_0 AS INTEGER), CAST(@day2_clones_0 AS INTEGER), CAST(@day2_unique_clones_0 AS INTEGER), CAST(@day2_coverage_0 AS INTEGER), CAST(@day3_views_0 AS INTEGER), CAST(@day3_unique_views_0 AS INTEGER), CAST(@day3_clones_0 AS INTEGER), CAST(@day3_unique_clones_0 AS INTEGER), CAST(@day3_coverage_0 AS INTEGER))) AS s (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days, day0_views, day0_unique_views, day0_clones, day0_unique_clones, day0_coverage, day1_views, day1_unique_views, day1_clones, day1_unique_clones, day1_coverage, day2_views, day2_unique_views, day2_clones, day2_unique_clones, day2_coverage, day3_views, day3_unique_views, day3_clones, day3_unique_clones, day3_coverage) ON t.tenant_id = s.tenant_id AND t.span = s.span AND t.block_start = s.block_start AND t.repo_id = s.repo_id WHEN MATCHED THEN UPDATE SET views = t.views + s.views, clones = t.clones + s.clones, peak_unique_views = GREATEST(t.peak_unique_views, s.peak_unique_views), peak_unique_clones = GREATEST(t.peak_unique_clones, s.peak_unique_clones), days = t.days + s.days, partial_days = t.partial_days + s.partial_days, day0_views = GREATEST(t.day0_views, s.day0_views), day0_unique_views = GREATEST(t.day0_unique_views, s.day0_unique_views), day0_clones = GREATEST(t.day0_clones, s.day0_clones), day0_unique_clones = GREATEST(t.day0_unique_clones, s.day0_unique_clones), day0_coverage = GREATEST(t.day0_coverage, s.day0_coverage), day1_views = GREATEST(t.day1_views, s.day1_views), day1_unique_views = GREATEST(t.day1_unique_views, s.day1_unique_views), day1_clones = GREATEST(t.day1_clones, s.day1_clones), day1_unique_clones = GREATEST(t.day1_unique_clones, s.day1_unique_clones), day1_coverage = GREATEST(t.day1_coverage, s.day1_coverage), day2_views = GREATEST(t.day2_views, s.day2_views), day2_unique_views = GREATEST(t.day2_unique_views, s.day2_unique_views), day2_clones = GREATEST(t.day2_clones, s.day2_clones), day2_unique_clones = GREATEST(t.day2_unique_clones, s.day2_unique_clones), day2_coverage = GREATEST(t.day2_coverage, s.day2_coverage), day3_views = GREATEST(t.day3_views, s.day3_views), day3_unique_views = GREATEST(t.day3_unique_views, s.day3_unique_views), day3_clones = GREATEST(t.day3_clones, s.day3_clones), day3_unique_clones = GREATEST(t.day3_unique_clones, s.day3_unique_clones), day3_coverage = GREATEST(t.day3_coverage, s.day3_coverage) WHEN NOT MATCHED THEN INSERT (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days, day0_views, day0_unique_views, day0_clones, day0_unique_clones, day0_coverage, day1_views, day1_unique_views, day1_clones, day1_unique_clones, day1_coverage, day2_views, day2_unique_views, day2_clones, day2_unique_clones, day2_coverage, day3_views, day3_unique_views, day3_clones, day3_unique_clones, day3_coverage) VALUES (s.tenant_id, s.span, s.block_start, s.repo_id, s.views, s.clones, s.peak_unique_views, s.peak_unique_clones, s.days, s.partial_days, s.day0_views, s.day0_unique_views, s.day0_clones, s.day0_unique_clones, s.day0_coverage, s.day1_views, s.day1_unique_views, s.day1_clones, s.day1_unique_clones, s.day1_coverage, s.day2_views, s.day2_unique_views, s.day2_clones, s.day2_unique_clones, s.day2_coverage, s.day3_views, s.day3_unique_views, s.day3_clones, s.day3_unique_clones, s.day3_coverage);

-- Traffic.MergeDayBlocks[2]
MERGE INTO ghstats.traffic_rollups AS t USING (VALUES (CAST(@tenant_id_0 AS BIGINT), CAST(@span_0 AS INTEGER), CAST(@block_start_0 AS INTEGER), CAST(@repo_id_0 AS BIGINT), CAST(@views_0 AS BIGINT), CAST(@clones_0 AS BIGINT), CAST(@peak_unique_views_0 AS INTEGER), CAST(@peak_unique_clones_0 AS INTEGER), CAST(@days_0 AS INTEGER), CAST(@partial_days_0 AS INTEGER), CAST(@day0_views_0 AS INTEGER), CAST(@day0_unique_views_0 AS INTEGER), CAST(@day0_clones_0 AS INTEGER), CAST(@day0_unique_clones_0 AS INTEGER), CAST(@day0_coverage_0 AS INTEGER), CAST(@day1_views_0 AS INTEGER), CAST(@day1_unique_views_0 AS INTEGER), CAST(@day1_clones_0 AS INTEGER), CAST(@day1_unique_clones_0 AS INTEGER), CAST(@day1_coverage_0 AS INTEGER), CAST(@day2_views_0 AS INTEGER), CAST(@day2_unique_views_0 AS INTEGER), CAST(@day2_clones_0 AS INTEGER), CAST(@day2_unique_clones_0 AS INTEGER), CAST(@day2_coverage_0 AS INTEGER), CAST(@day3_views_0 AS INTEGER), CAST(@day3_unique_views_0 AS INTEGER), CAST(@day3_clones_0 AS INTEGER), CAST(@day3_unique_clones_0 AS INTEGER), CAST(@day3_coverage_0 AS INTEGER)), (CAST(@tenant_id_1 AS BIGINT), CAST(@span_1 AS INTEGER), CAST(@block_start_1 AS INTEGER), CAST(@repo_id_1 AS BIGINT), CAST(@views_1 AS BIGINT), CAST(@clones_1 AS BIGINT), CAST(@peak_unique_views_1 AS INTEGER), CAST(@peak_unique_clones_1 AS INTEGER), CAST(@days_1 AS INTEGER), CAST(@partial_days_1 AS INTEGER), CAST(@day0_views_1 AS INTEGER), CAST(@day0_unique_views_1 AS INTEGER), CAST(@day0_clones_1 AS INTEGER), CAST(@day0_unique_clones_1 AS INTEGER), CAST(@day0_coverage_1 AS INTEGER), CAST(@day1_views_1 AS INTEGER), CAST(@day1_unique_views_1 AS INTEGER), CAST(@day1_clones_1 AS INTEGER), CAST(@day1_unique_clones_1 AS INTEGER), CAST(@day1_coverage_1 AS INTEGER), CAST(@day2_views_1 AS INTEGER), CAST(@day2_unique_views_1 AS INTEGER), CAST(@day2_clones_1 AS INTEGER), CAST(@day2_unique_clones_1 AS INTEGER), CAST(@day2_coverage_1 AS INTEGER), CAST(@day3_views_1 AS INTEGER), CAST(@day3_unique_views_1 AS INTEGER), CAST(@day3_clones_1 AS INTEGER), CAST(@day3_unique_clones_1 AS INTEGER), CAST(@day3_coverage_1 AS INTEGER))) AS s (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days, day0_views, day0_unique_views, day0_clones, day0_unique_clones, day0_coverage, day1_views, day1_unique_views, day1_clones, day1_unique_clones, day1_coverage, day2_views, day2_unique_views, day2_clones, day2_unique_clones, day2_coverage, day3_views, day3_unique_views, day3_clones, day3_unique_clones, day3_coverage) ON t.tenant_id = s.tenant_id AND t.span = s.span AND t.block_start = s.block_start AND t.repo_id = s.repo_id WHEN MATCHED THEN UPDATE SET views = t.views + s.views, clones = t.clones + s.clones, peak_unique_views = GREATEST(t.peak_unique_views, s.peak_unique_views), peak_unique_clones = GREATEST(t.peak_unique_clones, s.peak_unique_clones), days = t.days + s.days, partial_days = t.partial_days + s.partial_days, day0_views = GREATEST(t.day0_views, s.day0_views), day0_unique_views = GREATEST(t.day0_unique_views, s.day0_unique_views), day0_clones = GREATEST(t.day0_clones, s.day0_clones), day0_unique_clones = GREATEST(t.day0_unique_clones, s.day0_unique_clones), day0_coverage = GREATEST(t.day0_coverage, s.day0_coverage), day1_views = GREATEST(t.day1_views, s.day1_views), day1_unique_views = GREATEST(t.day1_unique_views, s.day1_unique_views), day1_clones = GREATEST(t.day1_clones, s.day1_clones), day1_unique_clones = GREATEST(t.day1_unique_clones, s.day1_unique_clones), day1_coverage = GREATEST(t.day1_coverage, s.day1_coverage), day2_views = GREATEST(t.day2_views, s.day2_views), day2_unique_views = GREATEST(t.day2_unique_views, s.day2_unique_views), day2_clones = GREATEST(t.day2_clones, s.day2_clones), day2_unique_clones = GREATEST(t.day2_unique_clones, s.day2_unique_clones), day2_coverage = GREATEST(t.day2_coverage, s.day2_coverage), day3_views = GREATEST(t.day3_views, s.day3_views), day3_unique_views = GREATEST(t.day3_unique_views, s.day3_unique_views), day3_clones = GREATEST(t.day3_clones, s.day3_clones), day3_unique_clones = GREATEST(t.day3_unique_clones, s.day3_unique_clones), day3_coverage = GREATEST(t.day3_coverage, s.day3_coverage) WHEN NOT MATCHED THEN INSERT (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days, day0_views, day0_unique_views, day0_clones, day0_unique_clones, day0_coverage, day1_views, day1_unique_views, day1_clones, day1_unique_clones, day1_coverage, day2_views, day2_unique_views, day2_clones, day2_unique_clones, day2_coverage, day3_views, day3_unique_views, day3_clones, day3_unique_clones, day3_coverage) VALUES (s.tenant_id, s.span, s.block_start, s.repo_id, s.views, s.clones, s.peak_unique_views, s.peak_unique_clones, s.days, s.partial_days, s.day0_views, s.day0_unique_views, s.day0_clones, s.day0_unique_clones, s.day0_coverage, s.day1_views, s.day1_unique_views, s.day1_clones, s.day1_unique_clones, s.day1_coverage, s.day2_views, s.day2_unique_views, s.day2_clones, s.day2_unique_clones, s.day2_coverage, s.day3_views, s.day3_unique_views, s.day3_clones, s.day3_unique_clones, s.day3_coverage);

-- Traffic.MergeDays[1]
MERGE INTO ghstats.traffic_daily AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@day_0 AS DATE), CAST(@views_0 AS INTEGER), CAST(@unique_views_0 AS INTEGER), CAST(@clones_0 AS INTEGER), CAST(@unique_clones_0 AS INTEGER), CAST(@coverage_0 AS INTEGER))) AS s (repo_id, day, views, unique_views, clones, unique_clones, coverage) ON t.repo_id = s.repo_id AND t.day = s.day WHEN MATCHED THEN UPDATE SET views = GREATEST(t.views, s.views), unique_views = GREATEST(t.unique_views, s.unique_views), clones = GREATEST(t.clones, s.clones), unique_clones = GREATEST(t.unique_clones, s.unique_clones), coverage = GREATEST(t.coverage, s.coverage) WHEN NOT MATCHED THEN INSERT (repo_id, day, views, unique_views, clones, unique_clones, coverage) VALUES (s.repo_id, s.day, s.views, s.unique_views, s.clones, s.unique_clones, s.coverage);

-- Traffic.MergeDays[2]
MERGE INTO ghstats.traffic_daily AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@day_0 AS DATE), CAST(@views_0 AS INTEGER), CAST(@unique_views_0 AS INTEGER), CAST(@clones_0 AS INTEGER), CAST(@unique_clones_0 AS INTEGER), CAST(@coverage_0 AS INTEGER)), (CAST(@repo_id_1 AS BIGINT), CAST(@day_1 AS DATE), CAST(@views_1 AS INTEGER), CAST(@unique_views_1 AS INTEGER), CAST(@clones_1 AS INTEGER), CAST(@unique_clones_1 AS INTEGER), CAST(@coverage_1 AS INTEGER))) AS s (repo_id, day, views, unique_views, clones, unique_clones, coverage) ON t.repo_id = s.repo_id AND t.day = s.day WHEN MATCHED THEN UPDATE SET views = GREATEST(t.views, s.views), unique_views = GREATEST(t.unique_views, s.unique_views), clones = GREATEST(t.clones, s.clones), unique_clones = GREATEST(t.unique_clones, s.unique_clones), coverage = GREATEST(t.coverage, s.coverage) WHEN NOT MATCHED THEN INSERT (repo_id, day, views, unique_views, clones, unique_clones, coverage) VALUES (s.repo_id, s.day, s.views, s.unique_views, s.clones, s.unique_clones, s.coverage);

-- Traffic.MergePaths[1]
MERGE INTO ghstats.path_snapshots AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@captured_on_0 AS DATE), CAST(@path_0 AS VARGRAPHIC(400)), CAST(@title_0 AS VARGRAPHIC(400)), CAST(@views_0 AS INTEGER), CAST(@unique_views_0 AS INTEGER))) AS s (repo_id, captured_on, path, title, views, unique_views) ON t.repo_id = s.repo_id AND t.captured_on = s.captured_on AND t.path = s.path WHEN MATCHED THEN UPDATE SET title = s.title, views = s.views, unique_views = s.unique_views WHEN NOT MATCHED THEN INSERT (repo_id, captured_on, path, title, views, unique_views) VALUES (s.repo_id, s.captured_on, s.path, s.title, s.views, s.unique_views);

-- Traffic.MergePaths[2]
MERGE INTO ghstats.path_snapshots AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@captured_on_0 AS DATE), CAST(@path_0 AS VARGRAPHIC(400)), CAST(@title_0 AS VARGRAPHIC(400)), CAST(@views_0 AS INTEGER), CAST(@unique_views_0 AS INTEGER)), (CAST(@repo_id_1 AS BIGINT), CAST(@captured_on_1 AS DATE), CAST(@path_1 AS VARGRAPHIC(400)), CAST(@title_1 AS VARGRAPHIC(400)), CAST(@views_1 AS INTEGER), CAST(@unique_views_1 AS INTEGER))) AS s (repo_id, captured_on, path, title, views, unique_views) ON t.repo_id = s.repo_id AND t.captured_on = s.captured_on AND t.path = s.path WHEN MATCHED THEN UPDATE SET title = s.title, views = s.views, unique_views = s.unique_views WHEN NOT MATCHED THEN INSERT (repo_id, captured_on, path, title, views, unique_views) VALUES (s.repo_id, s.captured_on, s.path, s.title, s.views, s.unique_views);

-- Traffic.MergeReferrers[1]
MERGE INTO ghstats.referrer_snapshots AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@captured_on_0 AS DATE), CAST(@referrer_0 AS VARGRAPHIC(250)), CAST(@views_0 AS INTEGER), CAST(@unique_views_0 AS INTEGER))) AS s (repo_id, captured_on, referrer, views, unique_views) ON t.repo_id = s.repo_id AND t.captured_on = s.captured_on AND t.referrer = s.referrer WHEN MATCHED THEN UPDATE SET views = s.views, unique_views = s.unique_views WHEN NOT MATCHED THEN INSERT (repo_id, captured_on, referrer, views, unique_views) VALUES (s.repo_id, s.captured_on, s.referrer, s.views, s.unique_views);

-- Traffic.MergeReferrers[2]
MERGE INTO ghstats.referrer_snapshots AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@captured_on_0 AS DATE), CAST(@referrer_0 AS VARGRAPHIC(250)), CAST(@views_0 AS INTEGER), CAST(@unique_views_0 AS INTEGER)), (CAST(@repo_id_1 AS BIGINT), CAST(@captured_on_1 AS DATE), CAST(@referrer_1 AS VARGRAPHIC(250)), CAST(@views_1 AS INTEGER), CAST(@unique_views_1 AS INTEGER))) AS s (repo_id, captured_on, referrer, views, unique_views) ON t.repo_id = s.repo_id AND t.captured_on = s.captured_on AND t.referrer = s.referrer WHEN MATCHED THEN UPDATE SET views = s.views, unique_views = s.unique_views WHEN NOT MATCHED THEN INSERT (repo_id, captured_on, referrer, views, unique_views) VALUES (s.repo_id, s.captured_on, s.referrer, s.views, s.unique_views);

-- Traffic.MergeRollups[1]
MERGE INTO ghstats.traffic_rollups AS t USING (VALUES (CAST(@tenant_id_0 AS BIGINT), CAST(@span_0 AS INTEGER), CAST(@block_start_0 AS INTEGER), CAST(@repo_id_0 AS BIGINT), CAST(@views_0 AS BIGINT), CAST(@clones_0 AS BIGINT), CAST(@peak_unique_views_0 AS INTEGER), CAST(@peak_unique_clones_0 AS INTEGER), CAST(@days_0 AS INTEGER), CAST(@partial_days_0 AS INTEGER))) AS s (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days) ON t.tenant_id = s.tenant_id AND t.span = s.span AND t.block_start = s.block_start AND t.repo_id = s.repo_id WHEN MATCHED THEN UPDATE SET views = t.views + s.views, clones = t.clones + s.clones, peak_unique_views = GREATEST(t.peak_unique_views, s.peak_unique_views), peak_unique_clones = GREATEST(t.peak_unique_clones, s.peak_unique_clones), days = t.days + s.days, partial_days = t.partial_days + s.partial_days WHEN NOT MATCHED THEN INSERT (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days) VALUES (s.tenant_id, s.span, s.block_start, s.repo_id, s.views, s.clones, s.peak_unique_views, s.peak_unique_clones, s.days, s.partial_days);

-- Traffic.MergeRollups[2]
MERGE INTO ghstats.traffic_rollups AS t USING (VALUES (CAST(@tenant_id_0 AS BIGINT), CAST(@span_0 AS INTEGER), CAST(@block_start_0 AS INTEGER), CAST(@repo_id_0 AS BIGINT), CAST(@views_0 AS BIGINT), CAST(@clones_0 AS BIGINT), CAST(@peak_unique_views_0 AS INTEGER), CAST(@peak_unique_clones_0 AS INTEGER), CAST(@days_0 AS INTEGER), CAST(@partial_days_0 AS INTEGER)), (CAST(@tenant_id_1 AS BIGINT), CAST(@span_1 AS INTEGER), CAST(@block_start_1 AS INTEGER), CAST(@repo_id_1 AS BIGINT), CAST(@views_1 AS BIGINT), CAST(@clones_1 AS BIGINT), CAST(@peak_unique_views_1 AS INTEGER), CAST(@peak_unique_clones_1 AS INTEGER), CAST(@days_1 AS INTEGER), CAST(@partial_days_1 AS INTEGER))) AS s (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days) ON t.tenant_id = s.tenant_id AND t.span = s.span AND t.block_start = s.block_start AND t.repo_id = s.repo_id WHEN MATCHED THEN UPDATE SET views = t.views + s.views, clones = t.clones + s.clones, peak_unique_views = GREATEST(t.peak_unique_views, s.peak_unique_views), peak_unique_clones = GREATEST(t.peak_unique_clones, s.peak_unique_clones), days = t.days + s.days, partial_days = t.partial_days + s.partial_days WHEN NOT MATCHED THEN INSERT (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days) VALUES (s.tenant_id, s.span, s.block_start, s.repo_id, s.views, s.clones, s.peak_unique_views, s.peak_unique_clones, s.days, s.partial_days);

-- Traffic.MergeStats[1]
MERGE INTO ghstats.repo_daily_stats AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@day_0 AS DATE), CAST(@stars_0 AS INTEGER), CAST(@forks_0 AS INTEGER), CAST(@watchers_0 AS INTEGER), CAST(@open_issues_0 AS INTEGER), CAST(@size_kb_0 AS BIGINT))) AS s (repo_id, day, stars, forks, watchers, open_issues, size_kb) ON t.repo_id = s.repo_id AND t.day = s.day WHEN MATCHED THEN UPDATE SET stars = s.stars, forks = s.forks, watchers = s.watchers, open_issues = s.open_issues, size_kb = s.size_kb WHEN NOT MATCHED THEN INSERT (repo_id, day, stars, forks, watchers, open_issues, size_kb) VALUES (s.repo_id, s.day, s.stars, s.forks, s.watchers, s.open_issues, s.size_kb);

-- Traffic.MergeStats[2]
MERGE INTO ghstats.repo_daily_stats AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@day_0 AS DATE), CAST(@stars_0 AS INTEGER), CAST(@forks_0 AS INTEGER), CAST(@watchers_0 AS INTEGER), CAST(@open_issues_0 AS INTEGER), CAST(@size_kb_0 AS BIGINT)), (CAST(@repo_id_1 AS BIGINT), CAST(@day_1 AS DATE), CAST(@stars_1 AS INTEGER), CAST(@forks_1 AS INTEGER), CAST(@watchers_1 AS INTEGER), CAST(@open_issues_1 AS INTEGER), CAST(@size_kb_1 AS BIGINT))) AS s (repo_id, day, stars, forks, watchers, open_issues, size_kb) ON t.repo_id = s.repo_id AND t.day = s.day WHEN MATCHED THEN UPDATE SET stars = s.stars, forks = s.forks, watchers = s.watchers, open_issues = s.open_issues, size_kb = s.size_kb WHEN NOT MATCHED THEN INSERT (repo_id, day, stars, forks, watchers, open_issues, size_kb) VALUES (s.repo_id, s.day, s.stars, s.forks, s.watchers, s.open_issues, s.size_kb);

-- Traffic.MergeWeeks[1]
MERGE INTO ghstats.traffic_weekly AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@week_start_0 AS DATE), CAST(@views_0 AS INTEGER), CAST(@unique_views_0 AS INTEGER), CAST(@clones_0 AS INTEGER), CAST(@unique_clones_0 AS INTEGER))) AS s (repo_id, week_start, views, unique_views, clones, unique_clones) ON t.repo_id = s.repo_id AND t.week_start = s.week_start WHEN MATCHED THEN UPDATE SET views = GREATEST(t.views, s.views), unique_views = GREATEST(t.unique_views, s.unique_views), clones = GREATEST(t.clones, s.clones), unique_clones = GREATEST(t.unique_clones, s.unique_clones) WHEN NOT MATCHED THEN INSERT (repo_id, week_start, views, unique_views, clones, unique_clones) VALUES (s.repo_id, s.week_start, s.views, s.unique_views, s.clones, s.unique_clones);

-- Traffic.MergeWeeks[2]
MERGE INTO ghstats.traffic_weekly AS t USING (VALUES (CAST(@repo_id_0 AS BIGINT), CAST(@week_start_0 AS DATE), CAST(@views_0 AS INTEGER), CAST(@unique_views_0 AS INTEGER), CAST(@clones_0 AS INTEGER), CAST(@unique_clones_0 AS INTEGER)), (CAST(@repo_id_1 AS BIGINT), CAST(@week_start_1 AS DATE), CAST(@views_1 AS INTEGER), CAST(@unique_views_1 AS INTEGER), CAST(@clones_1 AS INTEGER), CAST(@unique_clones_1 AS INTEGER))) AS s (repo_id, week_start, views, unique_views, clones, unique_clones) ON t.repo_id = s.repo_id AND t.week_start = s.week_start WHEN MATCHED THEN UPDATE SET views = GREATEST(t.views, s.views), unique_views = GREATEST(t.unique_views, s.unique_views), clones = GREATEST(t.clones, s.clones), unique_clones = GREATEST(t.unique_clones, s.unique_clones) WHEN NOT MATCHED THEN INSERT (repo_id, week_start, views, unique_views, clones, unique_clones) VALUES (s.repo_id, s.week_start, s.views, s.unique_views, s.clones, s.unique_clones);

-- Traffic.PathHistory
SELECT repo_id, captured_on, path, title, views, unique_views FROM ghstats.path_snapshots WHERE repo_id = @repo_id AND captured_on >= @from_day AND captured_on <= @to_day ORDER BY captured_on, views DESC, path;

-- Traffic.RecordDailyRead
UPDATE ghstats.repositories SET last_daily_read_on = @read_on WHERE id = @repo_id AND (last_daily_read_on IS NULL OR last_daily_read_on < @read_on_later);

-- Traffic.RecordLatestStats
UPDATE ghstats.repositories SET latest_stats_day = @day, latest_stars = @stars, latest_forks = @forks, latest_watchers = @watchers, latest_open_issues = @open_issues, latest_size_kb = @size_kb WHERE id = @repo_id AND (latest_stats_day IS NULL OR latest_stats_day <= @day_again);

-- Traffic.ReferrerHistory
SELECT repo_id, captured_on, referrer, views, unique_views FROM ghstats.referrer_snapshots WHERE repo_id = @repo_id AND captured_on >= @from_day AND captured_on <= @to_day ORDER BY captured_on, views DESC, referrer;

-- Traffic.RepositoryExists
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id;

-- Traffic.RepositoryInTenant
SELECT COUNT(*) FROM ghstats.repositories WHERE id = @repo_id AND tenant_id = @tenant_id;

-- Traffic.SeriesPerDay
SELECT r.id AS repo_id, d.day, d.views, d.unique_views, d.clones, d.unique_clones, CAST(d.coverage AS INTEGER) AS coverage FROM ghstats.repositories r JOIN ghstats.traffic_daily d ON d.repo_id = r.id WHERE r.id = @repo_id AND d.day >= @from_day AND d.day <= @to_day ORDER BY d.day;

-- Traffic.SeriesPerMonth
SELECT b.bucket, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM (SELECT d.repo_id, d.day - (DAY(d.day) - 1) DAYS AS bucket, SUM(CAST(d.views AS BIGINT)) AS views, SUM(CAST(d.clones AS BIGINT)) AS clones, MAX(d.unique_views) AS peak_unique_views, MAX(d.unique_clones) AS peak_unique_clones, COUNT(*) AS days, SUM(CASE WHEN d.coverage = 2 THEN 0 ELSE 1 END) AS partial_days FROM ghstats.traffic_daily d WHERE d.repo_id = @repo_id AND d.day >= @from_day AND d.day <= @to_day GROUP BY d.repo_id, d.day - (DAY(d.day) - 1) DAYS) b ORDER BY b.bucket;

-- Traffic.SeriesPerWeek
SELECT b.bucket, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days, w.unique_views, w.unique_clones FROM (SELECT d.repo_id, d.day - (DAYOFWEEK_ISO(d.day) - 1) DAYS AS bucket, SUM(CAST(d.views AS BIGINT)) AS views, SUM(CAST(d.clones AS BIGINT)) AS clones, MAX(d.unique_views) AS peak_unique_views, MAX(d.unique_clones) AS peak_unique_clones, COUNT(*) AS days, SUM(CASE WHEN d.coverage = 2 THEN 0 ELSE 1 END) AS partial_days FROM ghstats.traffic_daily d WHERE d.repo_id = @repo_id AND d.day >= @from_day AND d.day <= @to_day GROUP BY d.repo_id, d.day - (DAYOFWEEK_ISO(d.day) - 1) DAYS) b LEFT JOIN ghstats.traffic_weekly w ON w.repo_id = b.repo_id AND w.week_start = b.bucket ORDER BY b.bucket;

-- Traffic.StatsHistory
SELECT repo_id, day, stars, forks, watchers, open_issues, size_kb FROM ghstats.repo_daily_stats WHERE repo_id = @repo_id AND day >= @from_day AND day <= @to_day ORDER BY day;

-- Traffic.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Traffic.TenantLatestStats
SELECT s.repo_id, s.day, s.stars, s.forks, s.watchers, s.open_issues, s.size_kb FROM ghstats.repositories r JOIN ghstats.repo_daily_stats s ON s.repo_id = r.id WHERE r.tenant_id = @tenant_id AND r.removed_at IS NULL AND s.day = (SELECT MAX(x.day) FROM ghstats.repo_daily_stats x WHERE x.repo_id = r.id AND x.day >= @from_day AND x.day <= @to_day);

-- Traffic.TenantSummary
SELECT r.id, r.tenant_id, r.connection_id, r.owner, r.name, r.github_id, r.added_at, r.removed_at, r.last_collected_at, r.last_status, r.weekly_collected_on, r.last_daily_read_on, r.badges_enabled, r.daily_collected_on, t.views, t.clones, t.peak_unique_views, t.peak_unique_clones, t.days, t.partial_days, r.latest_stats_day, r.latest_stars, r.latest_forks, r.latest_watchers, r.latest_open_issues, r.latest_size_kb FROM ghstats.repositories r LEFT JOIN (SELECT u.repo_id, SUM(u.views) AS views, SUM(u.clones) AS clones, MAX(u.peak_unique_views) AS peak_unique_views, MAX(u.peak_unique_clones) AS peak_unique_clones, SUM(u.days) AS days, SUM(u.partial_days) AS partial_days FROM (SELECT b.repo_id, CAST(b.day0_views AS BIGINT) AS views, CAST(b.day0_clones AS BIGINT) AS clones, b.day0_unique_views AS peak_unique_views, b.day0_unique_clones AS peak_unique_clones, 1 AS days, CASE WHEN b.day0_coverage = 2 THEN 0 ELSE 1 END AS partial_days FROM ghstats.traffic_rollups b WHERE @has_day_0_0 = 1 AND b.tenant_id = @tenant_id_0_0 AND b.span = 4 AND b.block_start = @day_block_0_0 AND b.day0_coverage > 0 UNION ALL SELECT b.repo_id, CAST(b.day1_views AS BIGINT) AS views, CAST(b.day1_clones AS BIGINT) AS clones, b.day1_unique_views AS peak_unique_views, b.day1_unique_clones AS peak_unique_clones, 1 AS days, CASE WHEN b.day1_coverage = 2 THEN 0 ELSE 1 END AS partial_days FROM ghstats.traffic_rollups b WHERE @has_day_0_1 = 1 AND b.tenant_id = @tenant_id_0_1 AND b.span = 4 AND b.block_start = @day_block_0_1 AND b.day1_coverage > 0 UNION ALL SELECT b.repo_id, CAST(b.day2_views AS BIGINT) AS views, CAST(b.day2_clones AS BIGINT) AS clones, b.day2_unique_views AS peak_unique_views, b.day2_unique_clones AS peak_unique_clones, 1 AS days, CASE WHEN b.day2_coverage = 2 THEN 0 ELSE 1 END AS partial_days FROM ghstats.traffic_rollups b WHERE @has_day_0_2 = 1 AND b.tenant_id = @tenant_id_0_2 AND b.span = 4 AND b.block_start = @day_block_0_2 AND b.day2_coverage > 0 UNION ALL SELECT b.repo_id, CAST(b.day3_views AS BIGINT) AS views, CAST(b.day3_clones AS BIGINT) AS clones, b.day3_unique_views AS peak_unique_views, b.day3_unique_clones AS peak_unique_clones, 1 AS days, CASE WHEN b.day3_coverage = 2 THEN 0 ELSE 1 END AS partial_days FROM ghstats.traffic_rollups b WHERE @has_day_0_3 = 1 AND b.tenant_id = @tenant_id_0_3 AND b.span = 4 AND b.block_start = @day_block_0_3 AND b.day3_coverage > 0 UNION ALL SELECT b.repo_id, CAST(b.day0_views AS BIGINT) AS views, CAST(b.day0_clones AS BIGINT) AS clones, b.day0_unique_views AS peak_unique_views, b.day0_unique_clones AS peak_unique_clones, 1 AS days, CASE WHEN b.day0_coverage = 2 THEN 0 ELSE 1 END AS partial_days FROM ghstats.traffic_rollups b WHERE @has_day_1_0 = 1 AND b.tenant_id = @tenant_id_1_0 AND b.span = 4 AND b.block_start = @day_block_1_0 AND b.day0_coverage > 0 UNION ALL SELECT b.repo_id, CAST(b.day1_views AS BIGINT) AS views, CAST(b.day1_clones AS BIGINT) AS clones, b.day1_unique_views AS peak_unique_views, b.day1_unique_clones AS peak_unique_clones, 1 AS days, CASE WHEN b.day1_coverage = 2 THEN 0 ELSE 1 END AS partial_days FROM ghstats.traffic_rollups b WHERE @has_day_1_1 = 1 AND b.tenant_id = @tenant_id_1_1 AND b.span = 4 AND b.block_start = @day_block_1_1 AND b.day1_coverage > 0 UNION ALL SELECT b.repo_id, CAST(b.day2_views AS BIGINT) AS views, CAST(b.day2_clones AS BIGINT) AS clones, b.day2_unique_views AS peak_unique_views, b.day2_unique_clones AS peak_unique_clones, 1 AS days, CASE WHEN b.day2_coverage = 2 THEN 0 ELSE 1 END AS partial_days FROM ghstats.traffic_rollups b WHERE @has_day_1_2 = 1 AND b.tenant_id = @tenant_id_1_2 AND b.span = 4 AND b.block_start = @day_block_1_2 AND b.day2_coverage > 0 UNION ALL SELECT b.repo_id, CAST(b.day3_views AS BIGINT) AS views, CAST(b.day3_clones AS BIGINT) AS clones, b.day3_unique_views AS peak_unique_views, b.day3_unique_clones AS peak_unique_clones, 1 AS days, CASE WHEN b.day3_coverage = 2 THEN 0 ELSE 1 END AS partial_days FROM ghstats.traffic_rollups b WHERE @has_day_1_3 = 1 AND b.tenant_id = @tenant_id_1_3 AND b.span = 4 AND b.block_start = @day_block_1_3 AND b.day3_coverage > 0 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_2 AND b.span = 4 AND b.block_start >= @first_block_2 AND b.block_start <= @last_block_2 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_3 AND b.span = 4 AND b.block_start >= @first_block_3 AND b.block_start <= @last_block_3 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_4 AND b.span = 16 AND b.block_start >= @first_block_4 AND b.block_start <= @last_block_4 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_5 AND b.span = 16 AND b.block_start >= @first_block_5 AND b.block_start <= @last_block_5 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_6 AND b.span = 64 AND b.block_start >= @first_block_6 AND b.block_start <= @last_block_6 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_7 AND b.span = 64 AND b.block_start >= @first_block_7 AND b.block_start <= @last_block_7 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_8 AND b.span = 256 AND b.block_start >= @first_block_8 AND b.block_start <= @last_block_8 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_9 AND b.span = 256 AND b.block_start >= @first_block_9 AND b.block_start <= @last_block_9 UNION ALL SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days FROM ghstats.traffic_rollups b WHERE b.tenant_id = @tenant_id_10 AND b.span = 1024 AND b.block_start >= @first_block_10 AND b.block_start <= @last_block_10) u GROUP BY u.repo_id) t ON t.repo_id = r.id WHERE r.tenant_id = @tenant_id AND r.removed_at IS NULL ORDER BY r.owner, r.name;

-- Traffic.TenantTrafficDays
SELECT r.id AS repo_id, d.day, d.views, d.unique_views, d.clones, d.unique_clones, CAST(d.coverage AS INTEGER) AS coverage FROM ghstats.repositories r LEFT JOIN ghstats.traffic_daily d ON d.repo_id = r.id AND d.day >= @from_day AND d.day <= @to_day WHERE r.tenant_id = @tenant_id AND r.removed_at IS NULL ORDER BY r.owner, r.name, r.id, d.day;

-- Traffic.WeeksHistory
SELECT repo_id, week_start, views, unique_views, clones, unique_clones FROM ghstats.traffic_weekly WHERE repo_id = @repo_id AND week_start >= @from_day AND week_start <= @to_day ORDER BY week_start;

-- TransferJobs.FailStale
UPDATE ghstats.transfer_jobs SET state = @failed, finished_at = @finished_at, error = @error WHERE (state = @running AND heartbeat_at < @heartbeat_before) OR (state = @queued AND created_at < @created_before);

-- TransferJobs.Finish
UPDATE ghstats.transfer_jobs SET state = @state, finished_at = @finished_at, report = @report, error = @error WHERE id = @job_id AND (state = @running OR state = @queued);

-- TransferJobs.Get
SELECT id, tenant_id, kind, source, file_name, file_bytes, dry_run, requested_by, state, phase, done, total, created_at, started_at, heartbeat_at, finished_at, error, report FROM ghstats.transfer_jobs WHERE id = @job_id;

-- TransferJobs.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.transfer_jobs (tenant_id, kind, source, file_name, file_bytes, dry_run, requested_by, state, phase, done, total, created_at) VALUES (@tenant_id, @kind, @source, @file_name, @file_bytes, @dry_run, @requested_by, @state, @phase, 0, 0, @created_at));

-- TransferJobs.ListOfNoTenant[50]
SELECT id, tenant_id, kind, source, file_name, file_bytes, dry_run, requested_by, state, phase, done, total, created_at, started_at, heartbeat_at, finished_at, error FROM ghstats.transfer_jobs WHERE tenant_id IS NULL ORDER BY id DESC FETCH FIRST 50 ROWS ONLY;

-- TransferJobs.ListOfTenant[50]
SELECT id, tenant_id, kind, source, file_name, file_bytes, dry_run, requested_by, state, phase, done, total, created_at, started_at, heartbeat_at, finished_at, error FROM ghstats.transfer_jobs WHERE tenant_id = @tenant_id ORDER BY id DESC FETCH FIRST 50 ROWS ONLY;

-- TransferJobs.ReportProgress
UPDATE ghstats.transfer_jobs SET phase = @phase, done = @done, total = @total, heartbeat_at = @heartbeat_at WHERE id = @job_id AND state = @running;

-- TransferJobs.Start
UPDATE ghstats.transfer_jobs SET state = @running, started_at = @started_at, heartbeat_at = @heartbeat_at WHERE id = @job_id AND state = @queued;

-- TransferJobs.TenantExists
SELECT COUNT(*) FROM ghstats.tenants WHERE id = @tenant_id;

-- Users.AddSystemRole
INSERT INTO ghstats.system_roles (user_id, role) VALUES (@user_id, @role);

-- Users.BindIdentity
UPDATE ghstats.users SET issuer = @issuer, subject = @subject WHERE id = @user_id;

-- Users.EndSessions
UPDATE ghstats.users SET session_stamp = session_stamp + 1 WHERE id = @user_id;

-- Users.Find
SELECT id, issuer, subject, email, display_name, created_at, last_login_at, language FROM ghstats.users WHERE id = @user_id;

-- Users.FindByEmail
SELECT id, issuer, subject, email, display_name, created_at, last_login_at, language FROM ghstats.users WHERE email = @email ORDER BY id;

-- Users.FindByIdentity
SELECT id, issuer, subject, email, display_name, created_at, last_login_at, language FROM ghstats.users WHERE issuer = @issuer AND subject = @subject;

-- Users.Insert
SELECT id FROM FINAL TABLE (INSERT INTO ghstats.users (issuer, subject, email, display_name, created_at) VALUES (@issuer, @subject, @email, @display_name, @created_at));

-- Users.List
SELECT id, issuer, subject, email, display_name, created_at, last_login_at, language FROM ghstats.users ORDER BY CASE WHEN email IS NULL THEN 1 ELSE 0 END, email, id;

-- Users.RecordSignIn
UPDATE ghstats.users SET email = @email, display_name = @display_name, last_login_at = @last_login_at WHERE id = @user_id;

-- Users.RemoveSystemRole
DELETE FROM ghstats.system_roles WHERE user_id = @user_id AND role = @role;

-- Users.SessionStamp
SELECT session_stamp FROM ghstats.users WHERE id = @user_id;

-- Users.SetLanguage
UPDATE ghstats.users SET language = @language WHERE id = @user_id;

-- Users.SystemRoleExists
SELECT COUNT(*) FROM ghstats.system_roles WHERE user_id = @user_id AND role = @role;

-- Users.SystemRoles
SELECT role FROM ghstats.system_roles WHERE user_id = @user_id;

-- Users.UserExists
SELECT COUNT(*) FROM ghstats.users WHERE id = @user_id;
