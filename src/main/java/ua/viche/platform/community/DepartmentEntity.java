package ua.viche.platform.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Department;

@Entity
@Table(name = "department")
public class DepartmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String nameUk;
    private String nameEn;
    private @Nullable String email;
    private @Nullable String phone;

    protected DepartmentEntity() {}

    public DepartmentEntity(String nameUk, String nameEn, @Nullable String email, @Nullable String phone) {
        this.nameUk = nameUk;
        this.nameEn = nameEn;
        this.email = email;
        this.phone = phone;
    }

    public Department toView() {
        return new Department(id, communityId, nameUk, nameEn, email, phone);
    }
}
