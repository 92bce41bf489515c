resource "kubernetes_persistent_volume_v1" "docker" {
  metadata {
    name = "docker"
  }
  spec {
    capacity = {
      storage = "1Gi"
    }
    access_modes = ["ReadWriteOnce"]
    persistent_volume_source {
      host_path {
        path = "/var/run/docker.sock"
        type = "Socket"
      }
    }
  }
}

resource "kubernetes_persistent_volume" "nfs" {
  metadata {
    name = "nfs"
  }
  spec {
    capacity = {
      storage = "100Gi"
    }
    access_modes = ["ReadWriteMany"]
    persistent_volume_source {
      nfs {
        server = "10.0.0.2"
        path   = "/exports/models"
      }
    }
  }
}
