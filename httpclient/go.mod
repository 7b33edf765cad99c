module github.com/lee-engine/lee/httpclient

go 1.26
