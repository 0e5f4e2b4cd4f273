package org.adversarialarena.image;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredImageRepository extends JpaRepository<StoredImage, Long> {

    long countByKind(ImageKind kind);
}
