module github.com/lee-engine/lee/initialization

go 1.26

require go.uber.org/goleak v1.3.0

require github.com/stretchr/testify v1.8.4 // indirect
