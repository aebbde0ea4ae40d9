-- MigrationLock.SchemaExists
SELECT COUNT(*) FROM SYSCAT.SCHEMATA WHERE SCHEMANAME = @schema_name;

-- MigrationLock.CreateSchema
CREATE SCHEMA ghstats;

-- MigrationLock.TableExists
SELECT COUNT(*) FROM SYSCAT.TABLES WHERE TABSCHEMA = @schema_name AND TABNAME = @table_name;

-- MigrationLock.CreateTable
CREATE TABLE ghstats.migration_lock (id INTEGER NOT NULL PRIMARY KEY);

-- MigrationLock.SetLockTimeout
SET CURRENT LOCK TIMEOUT 300;

-- MigrationLock.LockTable
LOCK TABLE ghstats.migration_lock IN EXCLUSIVE MODE;

-- MigrationLock.ResetLockTimeout
SET CURRENT LOCK TIMEOUT NULL;
