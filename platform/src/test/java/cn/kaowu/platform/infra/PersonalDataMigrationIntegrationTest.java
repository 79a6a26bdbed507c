package cn.kaowu.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.kernel.PersonalData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conversion of a database from before issue 10 part 3: rows with plaintext ID and phone numbers (V392) come out
 * of V393–V395 sealed, indexed and masked, the plaintext columns gone, and the uniqueness of an identity still holds
 * on the blind index.
 */
@IntegrationTest
class PersonalDataMigrationIntegrationTest {

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	PersonalData personalData;

	@Test
	void plaintextRowsAreSealedIndexedAndMaskedAndThePlaintextColumnsDropped() throws Exception {
		String database = "pipl_migration_" + System.nanoTime();
		JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + database).update();
		String url = postgres.getJdbcUrl("postgres", database);
		FluentConfiguration config = Flyway.configure()
			.dataSource(url, "postgres", null)
			.locations("classpath:db/migration")
			.placeholders(Map.of("app_role", "postgres"));
		config.target("392").load().migrate();

		JdbcClient db = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres", ""));
		long college = db.sql("""
				INSERT INTO organisation (type, name, code, created_at, updated_at)
				VALUES ('COLLEGE', '迁移学院', 'MIG-1', now(), now()) RETURNING id""").query(Long.class).single();
		db.sql("""
				INSERT INTO candidate (college_id, kind, name, pinyin, gender, id_type, id_number, phone, enrolment_year,
				  education_level, major_name, major_code, state, created_at, updated_at)
				VALUES (?, 'COLLEGE', '张三', 'Zhang San', 'MALE', 'ID_CARD', '11010119900307123X', '13812345678', 2024,
				  '高职', '电子商务', '530701', 'VERIFIED', now(), now())""").param(college).update();
		db.sql("""
				INSERT INTO registration_record (plan_id, plan_name, plan_year, organisation_id, organisation_name,
				  certificate_id, certificate_name, level_id, level, plan_subject_id, subject_name, subject_code, exam_mode,
				  starts_at, ends_at, candidate_id, candidate_kind, name, pinyin, gender, id_type, id_number, phone,
				  major_name, major_code, college_id, college_name, province_id, site_id, site_code, site_name,
				  site_college_id, created_at)
				VALUES (1, '计划', 2026, 1, '评价组织', 1, '证书', 1, 'JUNIOR', 1, '理论', 'T1', 'ONLINE', now(), now(),
				  1, 'COLLEGE', '张三', 'Zhang San', 'MALE', 'ID_CARD', '11010119900307123X', '13812345678', '电子商务',
				  '530701', ?, '迁移学院', 1, 1, 'S1', '考点', ?, now())""").params(college, college).update();
		long staff = db.sql("""
				INSERT INTO staff_member (college_id, name, gender, id_number, phone, department, role, training_status,
				  created_at, updated_at)
				VALUES (?, '李四', 'FEMALE', '320102198001010014', '13900001111', '教务处', 'INVIGILATOR', 'TRAINED',
				  now(), now()) RETURNING id""").param(college).query(Long.class).single();
		db.sql("""
				INSERT INTO staff_relative (staff_id, name, id_number, relation, created_at)
				VALUES (?, '张三', '11010119900307123X', '子女', now())""").param(staff).update();

		config.target("latest").javaMigrations(new V394__SealPersonalData(personalData)).load().migrate();

		assertThat(db.sql("""
				SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'
				  AND table_name IN ('candidate', 'registration_record', 'staff_member', 'staff_relative')
				  AND column_name IN ('id_number', 'phone')""").query(Long.class).single()).isZero();
		for (String table : List.of("candidate", "registration_record")) {
			Map<String, Object> row = db.sql("SELECT * FROM " + table).query().singleRow();
			assertThat(personalData.open(PersonalData.ID_NUMBER, (byte[]) row.get("id_number_enc"))).isEqualTo("11010119900307123X");
			assertThat(personalData.open(PersonalData.PHONE, (byte[]) row.get("phone_enc"))).isEqualTo("13812345678");
			assertThat((byte[]) row.get("id_number_index")).isEqualTo(personalData.index("11010119900307123x"));
			assertThat(row).containsEntry("id_number_masked", "110101********123X").containsEntry("phone_masked", "138****5678");
		}
		Map<String, Object> member = db.sql("SELECT * FROM staff_member").query().singleRow();
		assertThat(personalData.open(PersonalData.ID_NUMBER, (byte[]) member.get("id_number_enc"))).isEqualTo("320102198001010014");
		assertThat(db.sql("SELECT id_number_index FROM staff_relative").query(byte[].class).single())
			.isEqualTo(personalData.index("11010119900307123X"));

		// The identity stays unique, now on the index.
		boolean refused = false;
		try {
			db.sql("""
					INSERT INTO candidate (college_id, kind, name, pinyin, gender, id_type, id_number_enc, id_number_index,
					  id_number_masked, phone_enc, phone_masked, enrolment_year, education_level, major_name, major_code,
					  state, created_at, updated_at)
					SELECT college_id, 'SOCIAL', name, pinyin, gender, id_type, id_number_enc, id_number_index,
					  id_number_masked, phone_enc, phone_masked, enrolment_year, education_level, major_name, major_code,
					  state, now(), now() FROM candidate""").update();
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			refused = true;
		}
		assertThat(refused).as("a second candidate with the same identity").isTrue();
	}
}
