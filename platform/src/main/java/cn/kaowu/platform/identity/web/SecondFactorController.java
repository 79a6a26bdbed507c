package cn.kaowu.platform.identity.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import cn.kaowu.platform.identity.CurrentUser;
import cn.kaowu.platform.identity.KaowuUser;
import cn.kaowu.platform.identity.SecondFactorLogin;
import cn.kaowu.platform.identity.Totp;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 两步验证 pages of the login: the code after the password, the first enrolment, the recovery codes once. */
@Controller
class SecondFactorController {

	private static final String ISSUER = "Kaowu 考务";

	private final SecondFactorLogin logins;

	private final ProblemMessages messages;

	SecondFactorController(SecondFactorLogin logins, ProblemMessages messages) {
		this.logins = logins;
		this.messages = messages;
	}

	@GetMapping("/login/totp")
	String codeForm(HttpSession session, Model model) {
		Optional<SecondFactorLogin.Pending> pending = logins.pending(session);
		if (pending.isEmpty()) {
			return "redirect:/login";
		}
		if (!pending.get().enrolled()) {
			return "redirect:/login/totp/enrol";
		}
		model.addAttribute("username", pending.get().username());
		return "identity/totp";
	}

	@PostMapping("/login/totp")
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException, ServletException {
		Optional<SecondFactorLogin.Pending> pending = logins.pending(request.getSession());
		if (pending.isEmpty() || !pending.get().enrolled()) {
			return "redirect:/login";
		}
		if (code.isBlank()) {
			model.addAttribute("codeError", messages.text("totp.required"));
			model.addAttribute("username", pending.get().username());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "identity/totp";
		}
		try {
			KaowuUser user = logins.verify(request, response, pending.get(), code);
			logins.proceed(request, response, user);
			return null;
		}
		catch (AuthenticationException e) {
			String key = String.valueOf(e.getMessage());
			model.addAttribute("codeError", messages.text(key, 15));
			model.addAttribute("username", pending.get().username());
			response.setStatus(key.equals("login.ipLimited") ? HttpStatus.TOO_MANY_REQUESTS.value()
					: HttpStatus.UNAUTHORIZED.value());
			return "identity/totp";
		}
	}

	@GetMapping("/login/totp/enrol")
	String enrolForm(HttpSession session, Model model) {
		Optional<SecondFactorLogin.Pending> pending = logins.pending(session);
		if (pending.isEmpty()) {
			return "redirect:/login";
		}
		if (pending.get().enrolled()) {
			return "redirect:/login/totp";
		}
		enrolModel(session, pending.get(), model);
		return "identity/totp-enrol";
	}

	@PostMapping("/login/totp/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<SecondFactorLogin.Pending> pending = logins.pending(request.getSession());
		if (pending.isEmpty() || pending.get().enrolled()) {
			return "redirect:/login";
		}
		try {
			logins.enrol(request, response, pending.get(), code);
			return "redirect:/account/recovery-codes";
		}
		catch (InvalidInputProblem e) {
			model.addAttribute("codeError", messages.text(code.isBlank() ? "totp.required" : "totp.badCode"));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			enrolModel(request.getSession(), pending.get(), model);
			return "identity/totp-enrol";
		}
	}

	/** Shown once, right after the enrolment. */
	@GetMapping("/account/recovery-codes")
	String recoveryCodes(HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("codes", logins.takeRecoveryCodes(request.getSession()));
		var saved = new org.springframework.security.web.savedrequest.HttpSessionRequestCache().getRequest(request,
				response);
		model.addAttribute("next", CurrentUser.get().isMustChangePassword() ? "/account/password"
				: saved != null ? saved.getRedirectUrl() : "/");
		return "identity/recovery-codes";
	}

	private void enrolModel(HttpSession session, SecondFactorLogin.Pending pending, Model model) {
		String secret = logins.enrolmentSecret(session);
		String uri = Totp.uri(ISSUER, pending.username(), secret);
		model.addAttribute("username", pending.username());
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("uri", uri);
		model.addAttribute("qr", qrDataUri(uri));
	}

	private static String qrDataUri(String text) {
		try {
			Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
			hints.put(EncodeHintType.MARGIN, 2);
			var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 220, 220, hints);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			var image = new java.awt.image.BufferedImage(matrix.getWidth(), matrix.getHeight(),
					java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ImageIO.write(image, "png", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException | IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
