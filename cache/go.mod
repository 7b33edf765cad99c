module github.com/lee-engine/lee/cache

go 1.26

require (
	github.com/patrickmn/go-cache v2.1.0+incompatible
	go.uber.org/goleak v1.3.0
	pgregory.net/rapid v1.3.0
)

require github.com/stretchr/testify v1.8.4 // indirect
