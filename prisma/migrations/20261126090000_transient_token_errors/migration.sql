-- Earlier releases recorded an outage of the X token endpoint (a 5xx, 429 or no answer) as the
-- tokenError of the account, which stops the bot answers and product posts until a reconnect.
-- Only a refusal by X means that now: an outage is retried on the next use. (Both messages
-- end "token refresh", a semicolon, then the words below: the pattern avoids the semicolon,
-- which the wasm schema engine takes for the end of a statement even inside a string.)
UPDATE "Account" SET "tokenError" = NULL
WHERE "tokenError" LIKE '%token refresh_ it will be retried on next use.';
