module example.com/go-worker

go 1.22

toolchain go1.22.7
