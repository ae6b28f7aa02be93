package store

// AuthCacheTTL is how long another process's change to a session may go
// unseen (authcache.go).
const AuthCacheTTL = authCacheTTL
