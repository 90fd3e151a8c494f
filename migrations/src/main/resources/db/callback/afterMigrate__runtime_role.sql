-- The application's runtime role (${runtime_role}; none when blank): what its requests, event processors and
-- deadlines may do. Flyway migrates as the owner of every schema; the runtime connections then SET ROLE to this role,
-- which may append to the event store and read it, but never change or remove an event, truncate the store, disable
-- its append-only trigger (that needs the owner), or change any structure (DDL).
--
-- A callback, run after every migrate: the grants follow the tables that later migrations add, in any schema, and a
-- database created later on the same server (roles belong to the server) gets them too. Every step is idempotent.
-- When the migration user may not create roles (an external PostgreSQL), the platform still starts, with a WARNING
-- here and in the application's log, and the runtime connections keep the migration user's rights (see ADR 0007).
DO $runtime_role$
DECLARE
    app_role CONSTANT text := '${runtime_role}';
    owned    text;
BEGIN
    IF app_role = '' THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app_role) THEN
        BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', app_role);
        EXCEPTION
            WHEN insufficient_privilege THEN
                RAISE WARNING 'LiveChain: % may not create the role %, so the runtime connections keep its rights;'
                    ' a superuser can create it once: CREATE ROLE % NOLOGIN; GRANT % TO %',
                    current_user, app_role, app_role, app_role, current_user;
                RETURN;
            WHEN duplicate_object OR unique_violation THEN
                NULL; -- created meanwhile by the migration of another database on this server
        END;
    END IF;
    -- the migration user switches to the role on every runtime connection (SET ROLE needs the membership)
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        BEGIN
            EXECUTE format('GRANT %I TO %I', app_role, current_user);
        EXCEPTION
            WHEN insufficient_privilege OR invalid_grant_operation THEN
                RAISE WARNING 'LiveChain: % may not grant itself the role %, so the runtime connections keep its'
                    ' rights; a superuser can: GRANT % TO %', current_user, app_role, app_role, current_user;
                RETURN;
        END;
    END IF;

    -- the event store: read and append, nothing else (also nothing granted by hand or by an earlier version)
    EXECUTE format('REVOKE ALL ON SCHEMA event_store FROM %I', app_role);
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA event_store FROM %I', app_role);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA event_store FROM %I', app_role);
    EXECUTE format('GRANT USAGE ON SCHEMA event_store TO %I', app_role);
    EXECUTE format('GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA event_store TO %I', app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA event_store TO %I', app_role);

    -- every other schema of the platform (processing, access, desk, read models, and any later one): rows, not
    -- structure. Flyway's own history in public stays out of reach.
    FOR owned IN
        SELECT nspname FROM pg_namespace
        WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
          AND nspname NOT IN ('event_store', 'public', 'information_schema')
          AND nspname NOT LIKE 'pg\_%'
    LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', owned, app_role);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', owned, app_role);
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', owned, app_role);
    END LOOP;
END
$runtime_role$;
