subnets = []
