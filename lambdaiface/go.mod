module github.com/lee-engine/lee/lambdaiface

go 1.26
