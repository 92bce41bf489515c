# production
public = "true"
